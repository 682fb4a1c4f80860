import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import { fieldCollection, sendBody } from '../../../shared/description';
import type { UpsertSpec } from '../../../shared/transport';
import { checkEmail } from '../../../shared/validators';
import { PAGE_SIZE, chartMogul } from '../../transport';
import { contactDataSource, contactFields, customerUuid } from './fields';

/**
 * The customer's contact with the item's e-mail address: GET /contacts filtered by `customer_uuid` and
 * `email` (chartmogul-node lib/chartmogul/contact.js `all`; ChartMogul "List Contacts"). Found → PATCH it
 * (the first, when several share the address) with the same fields; a contact's data source is fixed.
 */
const byEmail: UpsertSpec = {
	async find(ctx, lookup) {
		const found = (await lookup('/contacts', {
			customer_uuid: String(
				ctx.getNodeParameter('customerUuid', '', { extractValue: true }),
			).trim(),
			email: String(ctx.getNodeParameter('email', '')).trim(),
			per_page: PAGE_SIZE,
		})) as { entries?: IDataObject[] } | undefined;
		const uuid = found?.entries?.[0]?.uuid;
		return typeof uuid === 'string' && uuid !== '' ? uuid : undefined;
	},
	update: (create, uuid) => {
		const fields = { ...((create.body ?? {}) as IDataObject) };
		delete fields.data_source_uuid;
		return {
			...create,
			method: 'PATCH',
			url: `/contacts/${encodeURIComponent(String(uuid))}`,
			body: fields,
		};
	},
};

export const upsert: Operation = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update contact',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	routing: {
		request: { method: 'POST', url: '/customers/{customerUuid}/contacts' },
		operations: { pagination: chartMogul.upsert(byEmail, checkEmail('email', false, 'email')) },
	},
	fields: [
		...customerUuid,
		contactDataSource,
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. name@email.com',
			description:
				"The customer's contact with this email address is updated; without one, a contact is added",
			hint: 'The output has "upsert": "created" or "updated"',
			routing: sendBody('email'),
		},
		fieldCollection(
			'additionalFields',
			contactFields.filter((field) => field.name !== 'email'),
		),
	],
};
