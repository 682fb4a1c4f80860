import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { picker } from '../../shared/pickers';
import { jtel } from '../transport';
import { searchDiallerContacts } from './locators';

/** The campaign picker: GET /dialler/campaigns (all at once, `records` of `{ ID, Name }`), searched by name or ID. */
export const campaigns = picker({
	load: async (ctx: ILoadOptionsFunctions) => {
		const body = (await jtel.request(ctx, {
			method: 'GET',
			url: '/dialler/campaigns',
		})) as IDataObject;
		return Array.isArray(body?.records) ? (body.records as IDataObject[]) : [];
	},
	nameField: 'Name',
	valueField: 'ID',
});

/** Every picker of the node, under the names its parameters use. */
export const methods = {
	listSearch: { searchCampaigns: campaigns.search, searchDiallerContacts },
};
