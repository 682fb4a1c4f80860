import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { quentn } from '../../transport';
import { termById } from './byId';
import { description, name, termId } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update term',
	description: 'Change the name or description of a term',
	routing: {
		request: { method: 'PUT', url: '/terms/{termId}' },
		operations: { pagination: quentn.readFirst(termById) },
	},
	fields: [...termId, fieldCollection('updateFields', [description, name])],
};
