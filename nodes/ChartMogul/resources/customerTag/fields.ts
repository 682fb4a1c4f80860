import type { INodeProperties } from 'n8n-workflow';

export { customerUuid } from '../contact/fields';

export const tags: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. important, Prio1',
	description: 'Comma-separated tags, or a list mapped with an expression',
};
