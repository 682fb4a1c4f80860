import type { Operation } from '../../../shared/description';
import { sendBody } from '../../../shared/description';
import { checkIdList } from '../../../shared/validators';
import { quentn } from '../../transport';
import { comment, commentId, contactId } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update comment',
	description: 'Change the text of a comment',
	routing: {
		// Quentn: the comment's id goes in the body, not the path.
		request: { method: 'PUT', url: '/contact/{contactId}/comments' },
		operations: {
			pagination: quentn.sendChecked(checkIdList('commentId', 'Comment ID', { single: true })),
		},
	},
	fields: [
		contactId,
		...commentId.map((field) => ({
			...field,
			routing: sendBody('id', '={{ Number(String($value).trim()) }}'),
		})),
		comment,
	],
};
