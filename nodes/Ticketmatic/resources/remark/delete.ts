import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { contactId, remarkId } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete remark',
	description: 'Delete a remark of a contact',
	routing: {
		request: { method: 'DELETE', url: '/contacts/{contactId}/remarks/{remarkId}' },
		output: { postReceive: [deleted] },
	},
	fields: [...contactId, remarkId],
};
