import type { Operation } from '../../../shared/description';
import { fieldCollection, returnAllAndLimit } from '../../../shared/description';
import { contactList } from '../../transport';
import { listFilters } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many contacts',
	description: 'Retrieve many contacts',
	routing: {
		request: { method: 'GET', url: '/contacts' },
		operations: { pagination: contactList },
	},
	fields: [
		...returnAllAndLimit(),
		fieldCollection('filters', [
			listFilters.includeArchived,
			listFilters.lastUpdateSince,
			{
				displayName: 'Order By',
				name: 'orderBy',
				type: 'options',
				options: [
					{ name: 'Created', value: 'createdts' },
					{ name: 'Last Updated', value: 'lastupdatets' },
					{ name: 'Name', value: 'name' },
				],
				default: 'name',
				routing: { send: { type: 'query', property: 'orderby' } },
			},
			{
				displayName: 'Search Term',
				name: 'searchTerm',
				type: 'string',
				default: '',
				description: 'Text to look for in the contacts',
				routing: { send: { type: 'query', property: 'searchterm' } },
			},
			listFilters.filter,
		]),
	],
};
