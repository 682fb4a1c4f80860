import type { Operation } from '../../../shared/description';
import { termId } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get term',
	description: 'Retrieve a term by ID or name',
	routing: {
		request: { method: 'GET', url: '/terms/{termId}' },
	},
	fields: termId,
};
