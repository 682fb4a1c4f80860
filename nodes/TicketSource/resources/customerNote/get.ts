import type { Operation } from '../../../shared/description';
import { flattenJsonApi, unwrap } from '../../../shared/output';
import { customerId, noteId } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get customer note',
	description: 'Retrieve one note of a customer',
	routing: {
		request: { method: 'GET', url: '/customers/{customerId}/notes/{noteId}' },
		output: { postReceive: [unwrap('data'), flattenJsonApi] },
	},
	fields: [...customerId, ...noteId],
};
