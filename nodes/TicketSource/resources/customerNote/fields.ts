import type { INodeProperties } from 'n8n-workflow';

export { customerId } from '../customer/fields';

export const noteId: INodeProperties = {
	displayName: 'Note ID',
	name: 'noteId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'csn-xxxxxxxxxx',
	description: 'The ID of the customer note, starting with "csn-"',
};
