import type { Operation } from '../../../shared/description';
import { returnAllAndLimit } from '../../../shared/description';
import { contactTermPaginator, quentn } from '../../transport';
import { contactId } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get terms of contact',
	description: 'Retrieve the terms (tags) of a contact',
	routing: {
		request: { method: 'GET', url: '/contact/{contactId}/terms' },
		operations: { pagination: quentn.list(contactTermPaginator) },
	},
	fields: [contactId, ...returnAllAndLimit()],
};
