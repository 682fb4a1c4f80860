import type { IHttpRequestOptions } from 'n8n-workflow';

import { ChartMogulApi } from '../../credentials/ChartMogulApi.credentials';
import { credentialTypes, runListSearch } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASIC, HOST, credentials } from './fixtures';

afterEach(resetHttp);

const sources = {
	data_sources: [
		{ uuid: 'ds_stripe', name: 'Stripe EU', system: 'Stripe', status: 'idle' },
		{ uuid: 'ds_import', name: 'Import API', system: 'Import API', status: 'idle' },
		{ uuid: 'ds_chargebee', name: 'Chargebee', system: 'Chargebee', status: 'idle' },
	],
};

const search = (filter?: string) =>
	runListSearch({ type: 'chartMogul', method: 'searchDataSources', credentials, filter });

describe('ChartMogul data source picker', () => {
	test('lists the account data sources from GET /data_sources: name shown, uuid stored, sorted by name', async () => {
		const api = fakeApi(HOST);
		api.scope.get('/v1/data_sources').reply(200, sources);

		const result = await search();

		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].method).toBe('GET');
		expect(api.requests[0].path).toBe('/v1/data_sources');
		expect(api.requests[0].headers.authorization).toBe(BASIC);
		expect(result.results).toEqual([
			{ name: 'Chargebee', value: 'ds_chargebee' },
			{ name: 'Import API', value: 'ds_import' },
			{ name: 'Stripe EU', value: 'ds_stripe' },
		]);
	});

	test('the search text filters by name or uuid, ignoring case', async () => {
		const api = fakeApi(HOST);
		api.scope.get('/v1/data_sources').times(2).reply(200, sources);

		expect((await search('stripe')).results).toEqual([{ name: 'Stripe EU', value: 'ds_stripe' }]);
		expect((await search('DS_IMP')).results).toEqual([{ name: 'Import API', value: 'ds_import' }]);
	});

	test('goes through the executor: a 429 is retried, a 401 names the fix', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/data_sources')
			.reply(
				429,
				{ code: 429, message: 'Your request rate has exceeded our rate limit' },
				{ 'Retry-After': '0' },
			);
		api.scope.get('/v1/data_sources').reply(200, sources);
		expect((await search()).results).toHaveLength(3);
		expect(api.requests).toHaveLength(2);

		api.scope
			.get('/v1/data_sources')
			.reply(401, { code: 401, message: 'No valid API key provided', param: null });
		await expect(search()).rejects.toMatchObject({
			message: 'ChartMogul: No valid API key provided',
			description: expect.stringContaining('Check the API key in the ChartMogul credential'),
		});
	});
});

describe('ChartMogul credential', () => {
	const type = credentialTypes.get('chartMogulApi')!;

	test('the API key is a required password field', () => {
		expect(type.properties).toEqual([
			expect.objectContaining({
				name: 'apiKey',
				type: 'string',
				required: true,
				typeOptions: { password: true },
			}),
		]);
	});

	test('is tested with GET https://api.chartmogul.com/v1/ping: a path, the base from `authenticate`', async () => {
		expect(type.test?.request).toEqual({ url: '/ping' });
		const credential = new ChartMogulApi();
		const signed = await credential.authenticate(
			{ apiKey: 'k' },
			credential.test.request as IHttpRequestOptions,
		);
		expect(signed).toMatchObject({ baseURL: 'https://api.chartmogul.com/v1', url: '/ping' });
	});
});
