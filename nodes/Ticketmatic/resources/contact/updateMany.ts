import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import { digits } from '../../../shared/validators';
import { BULK_MAX } from '../../transport';
import type { BatchItem } from './batch';
import { at, batchContactId, contactBatch, notSent } from './batch';
import { contactId } from './fields';

const UPDATE_TYPES = ['set', 'add', 'remove'];

/** The fields to change, as tm-go types.go `BatchContactUpdateField` rows: key, updatetype, value. */
const fields: INodeProperties = {
	displayName: 'Fields to Update',
	name: 'fields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	required: true,
	default: {},
	placeholder: 'Add Field',
	description:
		'The fields to change on the contact. Items with the same changes are sent together, up to 1000 contacts per request.',
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'key',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getBatchUpdateFields' },
					default: '',
					description:
						'Customer title, language code or a custom field of the account (sent as c_&lt;key&gt;). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Update Type',
					name: 'updateType',
					type: 'options',
					default: 'set',
					options: [
						{ name: 'Set', value: 'set', description: 'Replace the value' },
						{ name: 'Add', value: 'add', description: 'Add the value to a multi-value field' },
						{
							name: 'Remove',
							value: 'remove',
							description: 'Remove the value from a multi-value field',
						},
					],
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

/**
 * A field key: customertitleid, languagecode, or a custom field, sent as contacts carry it, `c_<key>` (a key without
 * the prefix gets it; tm-go documents the key only as "a custom field": the prefix is unverified).
 */
function fieldKey(item: BatchItem, value: unknown): string {
	const key = String(value ?? '').trim();
	if (key === 'customertitleid' || key === 'languagecode') return key;
	const custom = key.replace(/^c_/, '');
	if (!/^[A-Za-z0-9_]+$/.test(custom)) {
		notSent(
			item,
			`field "${key.slice(0, 60)}" cannot be updated in a batch`,
			'Ticketmatic updates customertitleid, languagecode and custom fields (their key, with or without "c_") in a batch.',
		);
	}
	return `c_${custom}`;
}

/** One item: its contact and the `updatefields` it gets (tm-go types.go `BatchContactParameters.Updatefields`). */
function updateChange(item: BatchItem) {
	const contactId = batchContactId(item, 'contactId', 'Contact ID');
	const rows = ((item.read('fields', {}) as IDataObject).field ?? []) as IDataObject[];
	if (!Array.isArray(rows) || rows.length === 0) {
		notSent(
			item,
			'no field to update',
			'Add at least one field under "Fields to Update" (the field, how to update it, and the value).',
		);
	}
	const updatefields = rows.map((row) => {
		const key = fieldKey(item, row.key);
		const updatetype = String(row.updateType ?? 'set');
		if (!UPDATE_TYPES.includes(updatetype)) {
			notSent(
				item,
				`update type "${updatetype.slice(0, 20)}" is not set, add or remove`,
				'Choose Set, Add or Remove.',
			);
		}
		const value =
			key === 'customertitleid' ? Number(digits(row.value, at(item, 'Customer Title'))) : row.value;
		return { key, updatetype, value };
	});
	return {
		contactIds: [contactId],
		parameters: { updatefields },
		output: { contactId, updatefields },
	};
}

export const updateMany: Operation = {
	name: 'Update Many',
	value: 'updateMany',
	action: 'Update many contacts',
	description: `Set, add or remove fields (custom fields too) on many contacts, up to ${BULK_MAX} per request; each item gets its own result`,
	// The contact field as every contact operation has it: one definition, evaluated once per item.
	fields: [...contactId, fields],
	bulk: contactBatch('update', { build: updateChange }),
};
