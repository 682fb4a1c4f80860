import type { Operation } from '../../../shared/description';
import { contactId, fieldsOption } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact',
	description: 'Retrieve a contact by ID',
	routing: {
		request: { method: 'GET', url: '/contact/{contactId}' },
	},
	fields: [
		contactId,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [fieldsOption],
		},
	],
};
