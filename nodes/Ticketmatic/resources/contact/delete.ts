import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { contactId } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete contact',
	// Ticketmatic archives instead of deleting (../shared/api/ticketmatic.md).
	description: 'Archive a contact: Ticketmatic keeps it, marked as deleted, and leaves it out of lists',
	routing: {
		request: { method: 'DELETE', url: '/contacts/{contactId}' },
		output: { postReceive: [deleted] },
	},
	fields: contactId,
};
