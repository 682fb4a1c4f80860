import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { contactId } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete contact',
	description: 'Delete a contact',
	routing: {
		request: { method: 'DELETE', url: '/contact/{contactId}' },
		output: { postReceive: [deleted] },
	},
	fields: [contactId],
};
