import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { checkIdList } from '../../../shared/validators';
import { idListBody, quentn } from '../../transport';
import { commentId, contactId } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete comment',
	description: 'Delete a comment of a contact',
	routing: {
		// Quentn takes a JSON array of comment ids in the body of the DELETE.
		request: { method: 'DELETE', url: '/contact/{contactId}/comments' },
		send: { preSend: [idListBody('commentId')] },
		operations: {
			pagination: quentn.sendChecked(checkIdList('commentId', 'Comment ID', { single: true })),
		},
		output: { postReceive: [deleted] },
	},
	fields: [contactId, ...commentId],
};
