import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import { fieldCollection, sendBody } from '../../../shared/description';
import type { UpsertSpec } from '../../../shared/transport';
import { checkEmail } from '../../../shared/validators';
import { PAGE_SIZE, chartMogul } from '../../transport';
import { contactDataSource, contactFields, customerUuid } from './fields';

/**
 * The customer's contact with the item's e-mail address in the item's data source: GET /contacts filtered by
 * `customer_uuid`, `data_source_uuid` and `email` (ChartMogul "List Contacts"; chartmogul-node
 * lib/chartmogul/contact.js `all`). One found → PATCH it with the same fields (a contact's data source is fixed);
 * several → the item fails naming them, and nothing is changed (updating one would leave the others stale unseen).
 */
const byEmail: UpsertSpec = {
	async find(ctx, lookup) {
		const customer = String(
			ctx.getNodeParameter('customerUuid', '', { extractValue: true }),
		).trim();
		const dataSource = String(
			ctx.getNodeParameter('dataSourceUuid', '', { extractValue: true }),
		).trim();
		const email = String(ctx.getNodeParameter('email', '')).trim();
		const found = (await lookup('/contacts', {
			customer_uuid: customer,
			data_source_uuid: dataSource,
			email,
			per_page: PAGE_SIZE,
		})) as { entries?: IDataObject[] } | undefined;
		// Also filtered here: a contact of another customer or data source is never the one to update.
		const matches = (found?.entries ?? []).filter(
			(entry) =>
				typeof entry.uuid === 'string' &&
				entry.uuid !== '' &&
				(entry.customer_uuid === undefined || entry.customer_uuid === customer) &&
				(entry.data_source_uuid === undefined || entry.data_source_uuid === dataSource),
		);
		if (matches.length > 1) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${matches.length} contacts of customer ${customer} in data source ${dataSource} have the email address "${email}": ${matches.map((entry) => String(entry.uuid)).join(', ')}`,
				{
					itemIndex: ctx.getItemIndex(),
					description:
						'Nothing was changed. Update the right one with Contact → Update (by its UUID), or merge them with Contact → Merge.',
				},
			);
		}
		return matches.length === 1 ? { id: String(matches[0].uuid) } : undefined;
	},
	update: (create, found) => {
		const fields = { ...((create.body ?? {}) as IDataObject) };
		delete fields.data_source_uuid;
		return {
			...create,
			method: 'PATCH',
			url: `/contacts/${encodeURIComponent(String(found.id))}`,
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
				"The customer's contact with this email address in this data source is updated; without one, a contact is added",
			hint: 'The output has "upsert": "created" or "updated". When several contacts of the customer in the data source have the address, the item fails naming them and nothing is changed.',
			routing: sendBody('email'),
		},
		fieldCollection(
			'additionalFields',
			contactFields.filter((field) => field.name !== 'email'),
		),
	],
};
