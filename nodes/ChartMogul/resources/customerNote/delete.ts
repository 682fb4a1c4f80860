import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { noteUuid } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete note or call log',
	description: 'Delete a note or call log',
	routing: {
		request: { method: 'DELETE', url: '/customer_notes/{noteUuid}' },
		output: { postReceive: [deleted] },
	},
	fields: noteUuid,
};
