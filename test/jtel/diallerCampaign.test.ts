import { runListSearch, runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASE_PATH, SERVER, TOKEN, campaign, credentials, list, one } from './fixtures';

afterEach(resetHttp);

const run = (parameters: Record<string, unknown>) =>
	runNode({
		type: 'jtel',
		parameters: { resource: 'diallerCampaign', ...parameters },
		credentials,
	});

describe('jtel dialler campaign', () => {
	test('get: GET /dialler/campaigns/{id} (picked from the list), the record unwrapped', async () => {
		const api = fakeApi(SERVER);
		const record = campaign(538, 'Spring calls');
		api.scope.get(`${BASE_PATH}/dialler/campaigns/538`).reply(200, one(record));

		const { output, error } = await run({
			operation: 'get',
			campaignId: { __rl: true, mode: 'list', value: '538' },
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'GET',
			path: `${BASE_PATH}/dialler/campaigns/538`,
		});
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);
	});

	test("get: a 404 shows jtel's { status, error } message", async () => {
		const api = fakeApi(SERVER);
		api.scope
			.get(`${BASE_PATH}/dialler/campaigns/9`)
			.reply(404, { status: 404, error: 'Dialler campaign not found' });

		const { error } = await run({
			operation: 'get',
			campaignId: { __rl: true, mode: 'id', value: '9' },
		});

		expect(api.requests).toHaveLength(1);
		expect(error?.message).toBe('jtel: Dialler campaign not found');
		expect(error?.description).toContain('HTTP 404');
	});

	test('get many with Limit 5 over 40 campaigns: one request, 5 items', async () => {
		const api = fakeApi(SERVER);
		const records = Array.from({ length: 40 }, (_, i) => campaign(i + 1, `Campaign ${i + 1}`));
		api.scope.get(`${BASE_PATH}/dialler/campaigns`).reply(200, list(records));

		const { output, error } = await run({ operation: 'getAll', returnAll: false, limit: 5 });

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'GET',
			path: `${BASE_PATH}/dialler/campaigns`,
			query: {},
		});
		expect(output).toEqual(records.slice(0, 5).map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('get many, Return All: every campaign', async () => {
		const api = fakeApi(SERVER);
		const records = Array.from({ length: 40 }, (_, i) => campaign(i + 1, `Campaign ${i + 1}`));
		api.scope.get(`${BASE_PATH}/dialler/campaigns`).reply(200, list(records));

		const { output } = await run({ operation: 'getAll', returnAll: true });

		expect(api.requests).toHaveLength(1);
		expect(output.map((item) => item.json)).toEqual(records);
	});
});

describe('jtel campaign picker (campaignId)', () => {
	const search = (filter?: string) =>
		runListSearch({ type: 'jtel', method: 'searchCampaigns', credentials, filter });
	const campaigns = list([
		campaign(538, 'Spring calls'),
		campaign(12, 'Autumn calls'),
		campaign(7, 'Winback'),
	]);

	test('lists the campaigns from GET /dialler/campaigns: name shown, ID stored, sorted by name', async () => {
		const api = fakeApi(SERVER);
		api.scope.get(`${BASE_PATH}/dialler/campaigns`).reply(200, campaigns);

		const result = await search();

		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'GET',
			path: `${BASE_PATH}/dialler/campaigns`,
		});
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(result.results).toEqual([
			{ name: 'Autumn calls', value: '12' },
			{ name: 'Spring calls', value: '538' },
			{ name: 'Winback', value: '7' },
		]);
	});

	test('the search text filters by name (any case) or by exact ID', async () => {
		const api = fakeApi(SERVER);
		api.scope.get(`${BASE_PATH}/dialler/campaigns`).times(2).reply(200, campaigns);

		expect((await search('SPRING')).results).toEqual([{ name: 'Spring calls', value: '538' }]);
		expect((await search('7')).results).toEqual([{ name: 'Winback', value: '7' }]);
	});
});
