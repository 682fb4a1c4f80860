import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { ticketmatic } from '../../transport';
import { checkContact, contactFields, contactId, email, sendContact } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update contact',
	// Ticketmatic's PUT replaces a list field with what is sent (tm-go contacts.Update); Create or Update merges instead.
	description:
		"Change some fields of a contact; the others are kept. A list given (relation types, addresses, phone numbers, opt-ins) replaces the contact's.",
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
