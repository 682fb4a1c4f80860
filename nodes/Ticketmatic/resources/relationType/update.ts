import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { relationTypeId, relationTypeValues } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update relation type',
	description: 'Rename a relation type or move it under another one',
	// tm-go settings/system/relationtypes Update: PUT with the fields to change.
	routing: { request: { method: 'PUT', url: '/settings/system/relationtypes/{relationTypeId}' } },
	fields: [
		...relationTypeId,
		fieldCollection('updateFields', [relationTypeValues.name, relationTypeValues.parentId]),
	],
};
