import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { jtel } from '../transport';

/** The campaign picker: GET /dialler/campaigns (all at once, `records` of `{ ID, Name }`), filtered by name or ID. */
export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = (await jtel.request(this, { method: 'GET', url: '/dialler/campaigns' })) as IDataObject;
	const campaigns = Array.isArray(body?.records) ? (body.records as IDataObject[]) : [];
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = campaigns
		.map((campaign) => ({ name: String(campaign.Name ?? campaign.ID), value: String(campaign.ID) }))
		.filter((campaign) => !wanted || campaign.name.toLowerCase().includes(wanted) || campaign.value === wanted)
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
