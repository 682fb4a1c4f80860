import type { INodeProperties } from 'n8n-workflow';

export { contactId } from '../contact/fields';

export const commentId: INodeProperties = {
	displayName: 'Comment ID',
	name: 'commentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '5',
	description: 'The numeric ID of the comment',
};

export const comment: INodeProperties = {
	displayName: 'Comment',
	name: 'comment',
	type: 'string',
	typeOptions: { rows: 3 },
	required: true,
	default: '',
	description: 'Text of the comment',
	routing: { send: { type: 'body', property: 'comment' } },
};
