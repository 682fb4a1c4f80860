import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { description, name } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create term',
	description: "Create a term (tag); for an existing name Quentn returns that term's ID",
	routing: {
		request: { method: 'POST', url: '/terms' },
	},
	fields: [{ ...name, required: true }, fieldCollection('additionalFields', [description])],
};
