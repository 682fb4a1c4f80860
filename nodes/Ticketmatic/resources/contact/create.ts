import type { Operation } from '../../../shared/description';
import { ticketmatic } from '../../transport';
import { checkContact, sendContact } from './body';
import { additionalFields, email } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create contact',
	description: 'Create a contact',
	routing: {
		request: { method: 'POST', url: '/contacts' },
		send: { preSend: [sendContact('additionalFields', { withEmail: true })] },
		operations: {
			pagination: ticketmatic.sendChecked(checkContact('additionalFields', { withEmail: true })),
		},
	},
	fields: [email, additionalFields],
};
