import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import { digits, idList } from '../../../shared/validators';
import { BULK_MAX } from '../../transport';
import type { BatchItem } from './batch';
import { at, batchContactId, contactBatch, notSent } from './batch';
import { contactId } from './fields';

/** The contact the others are merged into: the contact field, under its own name (locator from version 2). */
const primaryContactId: INodeProperties[] = contactId.map((field) => ({
	...field,
	name: 'primaryContactId',
	displayName: field.type === 'resourceLocator' ? 'Primary Contact' : 'Primary Contact ID',
	description: 'The contact that stays: the others are merged into it',
}));

const contactIds: INodeProperties = {
	displayName: 'Contact IDs',
	name: 'contactIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 10002, 10003',
	description:
		'The numeric IDs of the contacts to merge into the primary contact, separated by commas (or a list from an expression)',
};

/**
 * One item, one merge: `{ ids: contactIds, operation: "merge", parameters: { primary } }` (tm-go types.go
 * `BatchContactParameters.Primary`: "Primary contact to merge into"). The primary contact is not among the ids
 * sent (unverified whether Ticketmatic would skip it); without other contacts nothing is sent.
 */
function mergeChange(item: BatchItem) {
	const primary = batchContactId(item, 'primaryContactId', 'Primary Contact');
	const given = idList(item.read('contactIds', ''));
	const ids = [...new Set(given.map((id) => Number(digits(id, at(item, 'Contact IDs')))))].filter(
		(id) => id !== primary,
	);
	if (ids.length === 0) {
		notSent(
			item,
			'no contact to merge into the primary contact',
			'Give the IDs of the contacts to merge under "Contact IDs" (other than the primary contact). Ticketmatic applies a batch without contact IDs to every contact in the account.',
		);
	}
	if (ids.length > BULK_MAX) {
		notSent(
			item,
			`${ids.length} contacts in one merge`,
			`Ticketmatic takes at most ${BULK_MAX} contact IDs per batch: merge in several steps.`,
		);
	}
	return {
		contactIds: ids,
		parameters: { primary },
		output: { primaryContactId: primary, mergedContactIds: ids },
	};
}

export const merge: Operation = {
	name: 'Merge',
	value: 'merge',
	action: 'Merge contacts',
	description:
		'Merge duplicate contacts into one primary contact; the output names what was merged into what',
	fields: [...primaryContactId, contactIds],
	bulk: contactBatch('merge', { build: mergeChange, alone: true }),
};
