import type { Operation } from '../../../shared/description';
import { fromVersion2, returnAllAndLimit } from '../../../shared/description';
import { flattenJsonApi, simplify, simplifyParameter } from '../../../shared/output';
import { ticketSourceList } from '../../transport';
import { SIMPLE_CUSTOMER } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many customers',
	description: 'Retrieve many customers',
	routing: {
		request: { method: 'GET', url: '/customers' },
		operations: { pagination: ticketSourceList },
		output: { postReceive: [flattenJsonApi, simplify(SIMPLE_CUSTOMER)] },
	},
	fields: [...returnAllAndLimit(), ...fromVersion2([simplifyParameter(SIMPLE_CUSTOMER)])],
};
