import type { Operation } from '../../../shared/description';
import { fieldCollection, returnAllAndLimit } from '../../../shared/description';
import { relationTypeList } from '../../transport';
import { listFilters } from '../contact/fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many relation types',
	description: 'Retrieve the relation types of the account',
	routing: {
		request: { method: 'GET', url: '/settings/system/relationtypes' },
		operations: { pagination: relationTypeList },
	},
	fields: [
		...returnAllAndLimit(),
		fieldCollection('filters', [
			listFilters.includeArchived,
			listFilters.lastUpdateSince,
			listFilters.filter,
		]),
	],
};
