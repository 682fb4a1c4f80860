import type { IDataObject } from 'n8n-workflow';

import { bulkOperation } from '../../../shared/bulk';
import type { Operation } from '../../../shared/description';
import { digits } from '../../../shared/validators';
import { BULK_MAX, baseUrl, ticketmatic } from '../../transport';
import { additionalFields, contactBody, email } from './fields';

interface ImportAnswer extends IDataObject {
	id?: number;
	ok?: boolean;
	error?: string;
}

/** POST /contacts/import: one Contact per input item, at most 1000 per call, one `{ id, ok, error }` back per contact, in order. */
function importContacts() {
	return bulkOperation<IDataObject>({ method: 'POST', url: '/contacts/import' }, async (ctx, parameter) => {
		const url = `${await baseUrl(ctx)}/contacts/import`;
		const node = ctx.getNode();
		return {
			noun: 'contacts',
			chunkSize: BULK_MAX,
			build: (itemIndex) => {
				const fields = { ...(parameter('additionalFields', itemIndex, {}) as IDataObject) };
				fields.email = parameter('email', itemIndex, '') as string;
				const contact = contactBody(fields, node, itemIndex);
				const id = parameter('contactId', itemIndex, '') as string | number;
				if (id === '' || id === undefined) return contact;
				return { id: Number(digits(id, { node, parameter: 'Contact ID', itemIndex })), ...contact };
			},
			send: async (chunk) => {
				const answers = await ticketmatic.request(ctx, { method: 'POST', url, body: chunk.map((entry) => entry.payload) }, chunk[0].itemIndex);
				return (Array.isArray(answers) ? (answers as ImportAnswer[]) : []).map((answer) => ({
					json: answer,
					error: answer.ok === false ? `Ticketmatic did not import the contact: ${answer.error || 'no reason given'}` : undefined,
				}));
			},
		};
	});
}

export const importOperation: Operation = {
	name: 'Import',
	value: 'import',
	action: 'Import contacts',
	description: `Import many contacts at once, up to ${BULK_MAX} per request; each item gets its own result`,
	fields: [
		email,
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: '',
			placeholder: '10001',
			description: 'Optional. The ID to import the contact under; leave empty to let Ticketmatic assign one.',
		},
		additionalFields,
	],
	bulk: importContacts(),
};

