import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { picker } from '../../shared/pickers';
import { chartMogul } from '../transport';
import { searchContacts, searchCustomerNotes, searchCustomers } from './locators';

/** GET /data_sources → `{ data_sources: [{ uuid, name, … }] }` (chartmogul-go datasources.go); one request, no paging. */
export const dataSources = picker({
	load: async (ctx: ILoadOptionsFunctions) => {
		const body = (await chartMogul.request(ctx, {
			method: 'GET',
			url: '/data_sources',
		})) as IDataObject;
		return Array.isArray(body?.data_sources) ? (body.data_sources as IDataObject[]) : [];
	},
	nameField: 'name',
	valueField: 'uuid',
});

/** Every picker of the node, under the names its parameters use. */
export const methods = {
	listSearch: {
		searchContacts,
		searchCustomerNotes,
		searchCustomers,
		searchDataSources: dataSources.search,
	},
};
