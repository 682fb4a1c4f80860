import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { customerId, noteId } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete customer note',
	description: 'Delete one note of a customer',
	routing: {
		request: { method: 'DELETE', url: '/customers/{customerId}/notes/{noteId}' },
		output: { postReceive: [deleted] },
	},
	fields: [...customerId, ...noteId],
};
