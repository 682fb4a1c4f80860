import type { Operation } from '../../../shared/description';
import { relationTypeId } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get relation type',
	description: 'Retrieve a relation type by ID',
	routing: { request: { method: 'GET', url: '/settings/system/relationtypes/{relationTypeId}' } },
	fields: relationTypeId,
};
