import type { INodeProperties } from 'n8n-workflow';

import { changedInVersion2, sendBody } from '../../../shared/description';
import { recordLocator } from '../../../shared/locator';

/** A term: its ID (or name) typed in version 1, a locator (the account's terms) from version 2. */
export const termId: INodeProperties[] = changedInVersion2(
	{
		displayName: 'Term ID',
		name: 'termId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123',
		description: 'The ID of the term (Quentn also accepts the term name here)',
	},
	recordLocator({
		displayName: 'Term',
		name: 'termId',
		description:
			'The term (tag), picked by name, or its ID or exact name (GET /terms/{id or name})',
		searchListMethod: 'searchTerms',
		id: {
			displayName: 'By ID or Name',
			placeholder: 'e.g. 123 or Newsletter',
			regex: '\\s*\\S.*',
			error: 'Enter the term ID or its name',
		},
	}),
);

export const name: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'Name of the term; names are unique in Quentn',
	routing: sendBody('name'),
};

export const description: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	routing: sendBody('description'),
};
