import type { Operation } from '../../../shared/description';
import { returnAllAndLimit } from '../../../shared/description';
import { flattenJsonApi } from '../../../shared/output';
import { ticketSourceList } from '../../transport';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many customers',
	description: 'Retrieve many customers',
	routing: {
		request: { method: 'GET', url: '/customers' },
		operations: { pagination: ticketSourceList },
		output: { postReceive: [flattenJsonApi] },
	},
	fields: returnAllAndLimit(),
};
