import type { INodeProperties } from 'n8n-workflow';

export const relationTypeId: INodeProperties = {
	displayName: 'Relation Type ID',
	name: 'relationTypeId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1',
	description: 'The numeric ID of the relation type',
};
