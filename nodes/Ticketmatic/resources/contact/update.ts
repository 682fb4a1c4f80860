import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { ticketmatic } from '../../transport';
import { checkContact, contactFields, contactId, email, sendContact } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update contact',
	description: 'Change some fields of a contact; the others are kept',
	routing: {
		request: { method: 'PUT', url: '/contacts/{contactId}' },
		send: { preSend: [sendContact('updateFields', false)] },
		operations: { pagination: ticketmatic.sendChecked(checkContact('updateFields', false)) },
	},
	fields: [
		...contactId,
		fieldCollection('updateFields', [...contactFields, { ...email, required: false }]),
	],
};
