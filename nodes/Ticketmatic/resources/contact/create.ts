import type { Operation } from '../../../shared/description';
import { ticketmatic } from '../../transport';
import { additionalFields, checkContact, email, sendContact } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create contact',
	description: 'Create a contact',
	routing: {
		request: { method: 'POST', url: '/contacts' },
		send: { preSend: [sendContact('additionalFields', true)] },
		operations: { pagination: ticketmatic.sendChecked(checkContact('additionalFields', true)) },
	},
	fields: [email, additionalFields],
};
