import type { Operation } from '../../../shared/description';
import { fieldCollection, returnAllAndLimit, sendQuery } from '../../../shared/description';
import { commentPaginator, quentn } from '../../transport';
import { contactId } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get comments of contact',
	description: 'Retrieve the comments of a contact',
	routing: {
		request: { method: 'GET', url: '/contact/{contactId}/comments' },
		operations: { pagination: quentn.list(commentPaginator) },
	},
	fields: [
		contactId,
		...returnAllAndLimit(),
		fieldCollection('options', [
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				default: 'asc',
				description: 'Order by comment ID',
				options: [
					{ name: 'Oldest First', value: 'asc' },
					{ name: 'Newest First', value: 'desc' },
				],
				routing: sendQuery('sort'),
			},
		]),
	],
};
