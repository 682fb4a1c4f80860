import type { Operation } from '../../../shared/description';
import { description, name, termId } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a term',
	description: 'Change the name or description of a term',
	routing: {
		request: { method: 'PUT', url: '/terms/{termId}' },
	},
	fields: [
		termId,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [description, name],
		},
	],
};
