import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { relationTypeValues } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create relation type',
	description: 'Add a relation type to the account',
	// tm-go settings/system/relationtypes Create: POST with a RelationType body.
	routing: { request: { method: 'POST', url: '/settings/system/relationtypes' } },
	fields: [
		{ ...relationTypeValues.name, required: true },
		fieldCollection('additionalFields', [relationTypeValues.parentId]),
	],
};
