import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { sendBulk } from '../../../shared/bulk';
import type { Operation } from '../../../shared/description';
import { digits } from '../../../shared/validators';
import { BULK_MAX, baseUrl, ticketmatic } from '../../transport';
import { additionalFields, contactBody, email } from './fields';

/** Bulk: a custom operation (no routing), see `importContacts`. */
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
};

interface ImportAnswer extends IDataObject {
	id?: number;
	ok?: boolean;
	error?: string;
}

/** POST /contacts/import: one Contact per input item, at most 1000 per call, one `{ id, ok, error }` back per contact, in order. */
export async function importContacts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const url = `${await baseUrl(this)}/contacts/import`;
	const node = this.getNode();
	return await sendBulk<IDataObject>(this, {
		noun: 'contacts',
		chunkSize: BULK_MAX,
		build: (itemIndex) => {
			const fields = { ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) };
			fields.email = this.getNodeParameter('email', itemIndex, '') as string;
			const contact = contactBody(fields, node, itemIndex);
			const id = this.getNodeParameter('contactId', itemIndex, '') as string | number;
			if (id === '' || id === undefined) return contact;
			return { id: Number(digits(id, { node, parameter: 'Contact ID', itemIndex })), ...contact };
		},
		send: async (chunk) => {
			const answers = await ticketmatic.request(this, { method: 'POST', url, body: chunk.map((entry) => entry.payload) }, chunk[0].itemIndex);
			return (Array.isArray(answers) ? (answers as ImportAnswer[]) : []).map((answer) => ({
				json: answer,
				error: answer.ok === false ? `Ticketmatic did not import the contact: ${answer.error || 'no reason given'}` : undefined,
			}));
		},
	});
}
