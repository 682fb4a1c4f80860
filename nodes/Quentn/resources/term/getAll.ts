import type { Operation } from '../../../shared/description';
import { returnAllAndLimit } from '../../../shared/description';
import { quentn, termPaginator } from '../../transport';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many terms',
	description: 'Retrieve the terms (tags) of the account',
	routing: {
		request: { method: 'GET', url: '/terms' },
		operations: { pagination: quentn.list(termPaginator) },
	},
	fields: returnAllAndLimit(),
};
