import type { INodeProperties } from 'n8n-workflow';

import { changedInVersion2, sendBody } from '../../../shared/description';
import { recordLocator } from '../../../shared/locator';

export { contactId } from '../contact/fields';

/** A comment of the contact: its numeric ID typed in version 1, a locator (the contact's comments) from version 2. */
export const commentId: INodeProperties[] = changedInVersion2(
	{
		displayName: 'Comment ID',
		name: 'commentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5',
		description: 'The numeric ID of the comment',
	},
	recordLocator({
		displayName: 'Comment',
		name: 'commentId',
		description: 'A comment of the contact above, picked by its text, or its numeric ID',
		searchListMethod: 'searchComments',
		id: { placeholder: 'e.g. 5', regex: '^\\s*[0-9]+\\s*$', error: 'A comment ID is a number' },
	}),
);

export const comment: INodeProperties = {
	displayName: 'Comment',
	name: 'comment',
	type: 'string',
	typeOptions: { rows: 3 },
	required: true,
	default: '',
	description: 'Text of the comment',
	routing: sendBody('comment'),
};
