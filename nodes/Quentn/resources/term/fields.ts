import type { INodeProperties } from 'n8n-workflow';

export const termId: INodeProperties = {
	displayName: 'Term ID',
	name: 'termId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '123',
	description: 'The ID of the term (Quentn also accepts the term name here)',
};

export const name: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'Name of the term; names are unique in Quentn',
	routing: { send: { type: 'body', property: 'name' } },
};

export const description: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	routing: { send: { type: 'body', property: 'description' } },
};
