import type { Operation } from '../../../shared/description';
import { comment, contactId } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Add comment to contact',
	description: 'Add a comment to a contact',
	routing: {
		request: { method: 'POST', url: '/contact/{contactId}/comments' },
	},
	fields: [contactId, comment],
};
