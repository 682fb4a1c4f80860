import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { contactId } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete contact',
	// Ticketmatic archives instead of deleting (tm-php lib/Endpoints/Contacts.php delete: "Contacts are archivable").
	description:
		'Archive a contact: Ticketmatic keeps it, marked as deleted, and leaves it out of lists',
	routing: {
		request: { method: 'DELETE', url: '/contacts/{contactId}' },
		output: { postReceive: [deleted] },
	},
	fields: contactId,
};
