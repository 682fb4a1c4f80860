import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import type { UpsertSpec } from '../../../shared/transport';
import { checkEmail } from '../../../shared/validators';
import { ticketmatic } from '../../transport';
import { additionalFields, checkContact, email, sendContact } from './fields';

/**
 * The contact with the item's e-mail address: tm-go contacts.Get ("To retrieve a contact based on the e-mail
 * address, pass 0 as the id and supply an email parameter"); a 404 means there is none. Found → PUT it.
 */
const byEmail: UpsertSpec = {
	async find(ctx, lookup) {
		const found = (await lookup('/contacts/0', {
			email: String(ctx.getNodeParameter('email', '')).trim(),
		})) as IDataObject | undefined;
		return typeof found?.id === 'number' && found.id > 0 ? found.id : undefined;
	},
	update: (create, id) => ({ ...create, method: 'PUT', url: `/contacts/${id}` }),
};

export const upsert: Operation = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update contact',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	routing: {
		request: { method: 'POST', url: '/contacts' },
		send: { preSend: [sendContact('additionalFields', true)] },
		operations: {
			pagination: ticketmatic.upsert(
				byEmail,
				checkEmail('email'),
				checkContact('additionalFields', true),
			),
		},
	},
	fields: [
		{
			...email,
			required: true,
			description:
				'The contact to update is the one with this email address; without one, a contact is created',
			hint: 'The output has "upsert": "created" or "updated"',
		},
		additionalFields,
	],
};
