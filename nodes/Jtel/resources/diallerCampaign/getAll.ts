import type { Operation } from '../../../shared/description';
import { returnAllAndLimit } from '../../../shared/description';
import { jtelList } from '../../transport';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many dialler campaigns',
	description: 'Retrieve the dialler campaigns of the client account',
	routing: {
		request: { method: 'GET', url: '/dialler/campaigns' },
		operations: { pagination: jtelList },
	},
	fields: returnAllAndLimit(),
};
