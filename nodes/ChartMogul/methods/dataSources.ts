import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { BASE_URL, chartMogul } from '../transport';

/**
 * The `dataSourceUuid` picker: a list of the account's data sources (name shown, uuid stored), or a typed
 * uuid / expression. Callers add `routing` and `required`.
 */
export const dataSourceUuid: INodeProperties = {
	displayName: 'Data Source',
	name: 'dataSourceUuid',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchDataSources', searchable: true },
		},
		{
			displayName: 'By UUID',
			name: 'id',
			type: 'string',
			placeholder: 'ds_…',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*ds_\\S+\\s*$', errorMessage: 'A data source UUID starts with "ds_"' },
				},
			],
		},
	],
};

/** GET /data_sources → `{ data_sources: [{ uuid, name, … }] }` (../shared/api/chartmogul.md); one request, no paging. */
export async function searchDataSources(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = (await chartMogul.request(this, { method: 'GET', baseURL: BASE_URL, url: '/data_sources' })) as IDataObject;
	const sources = (Array.isArray(body?.data_sources) ? body.data_sources : []) as IDataObject[];
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = sources
		.map((source) => ({ name: String(source.name ?? source.uuid), value: String(source.uuid) }))
		.filter((entry) => !wanted || entry.name.toLowerCase().includes(wanted) || entry.value.toLowerCase().includes(wanted))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
