import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { customerId } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete customer',
	description: 'Delete a customer record',
	routing: {
		request: { method: 'DELETE', url: '/customers/{customerId}' },
		output: { postReceive: [deleted] },
	},
	fields: customerId,
};
