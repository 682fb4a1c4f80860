import type { Operation } from '../../../shared/description';
import { flattenJsonApi, unwrap } from '../../../shared/output';
import { customerId } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a customer',
	description: 'Retrieve a customer by ID',
	routing: {
		request: { method: 'GET', url: '/customers/{customerId}' },
		output: { postReceive: [unwrap('data'), flattenJsonApi] },
	},
	fields: [customerId],
};
