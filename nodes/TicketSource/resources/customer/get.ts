import type { Operation } from '../../../shared/description';
import { fromVersion2 } from '../../../shared/description';
import { flattenJsonApi, simplify, simplifyParameter, unwrap } from '../../../shared/output';
import { customerId, SIMPLE_CUSTOMER } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get customer',
	description: 'Retrieve a customer by ID',
	routing: {
		request: { method: 'GET', url: '/customers/{customerId}' },
		output: { postReceive: [unwrap('data'), flattenJsonApi, simplify(SIMPLE_CUSTOMER)] },
	},
	fields: [...customerId, ...fromVersion2([simplifyParameter(SIMPLE_CUSTOMER)])],
};
