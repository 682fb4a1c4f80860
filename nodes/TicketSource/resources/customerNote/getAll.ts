import type { Operation } from '../../../shared/description';
import { returnAllAndLimit } from '../../../shared/description';
import { flattenJsonApi } from '../../../shared/output';
import { ticketSourceList } from '../../transport';
import { customerId } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many customer notes',
	description: 'Retrieve the notes of a customer',
	routing: {
		request: { method: 'GET', url: '/customers/{customerId}/notes' },
		operations: { pagination: ticketSourceList },
		output: { postReceive: [flattenJsonApi] },
	},
	fields: [...customerId, ...returnAllAndLimit()],
};
