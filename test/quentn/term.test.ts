import { runLoadOptions, runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API, API_KEY, HOST, credentials, term, terms } from './fixtures';

afterEach(resetHttp);

const run = (parameters: Record<string, unknown>) =>
	runNode({ type: 'quentn', parameters: { resource: 'term', ...parameters }, credentials });

/** `GET /terms?offset&limit` over `catalogue`: a bare array, as Quentn answers. */
function catalogueApi(catalogue: ReturnType<typeof terms>) {
	const api = fakeApi(HOST);
	api.scope
		.get(`${API}/terms`)
		.query(true)
		.times(20)
		.reply(200, (uri) => {
			const query = new URL(uri, HOST).searchParams;
			const offset = Number(query.get('offset') ?? 0);
			const limit = Math.min(500, Number(query.get('limit') ?? 500));
			return catalogue.slice(offset, offset + limit);
		});
	return api;
}

describe('Quentn terms', () => {
	test('Return All over 1,200 terms: pages of 500 by offset, 4 in flight, ended by the short 3rd page (3 asked beyond it), every term once, in order', async () => {
		const catalogue = terms(1, 1200);
		const api = catalogueApi(catalogue);
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual(
			Array(6).fill(`GET ${API}/terms`),
		);
		expect(api.requests.map((request) => request.query)).toEqual(
			[0, 500, 1000, 1500, 2000, 2500].map((offset) => ({ limit: '500', offset: String(offset) })),
		);
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(output).toHaveLength(1200);
		expect(output.map((item) => item.json.id)).toEqual(catalogue.map((t) => t.id));
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('exactly 1,000 terms: the 3rd, empty page ends the list (no total), with at most 3 asked beyond it', async () => {
		const api = catalogueApi(terms(1, 1000));
		const { output } = await run({ operation: 'getAll', returnAll: true });
		expect(api.requests).toHaveLength(3 + 3);
		expect(output.map((item) => item.json.id)).toEqual(terms(1, 1000).map((t) => t.id));
	});

	test('a server that ignores the offset (the first 500 terms on every page) stops the list with an error naming the page (#12.3)', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${API}/terms`).query(true).times(20).reply(200, terms(1, 500));
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(output).toEqual([]);
		expect(error?.message).toBe(
			`Quentn: the list GET /terms was stopped at page 2 (limit=500, offset=500) returned the same records as page 1 (limit=500, offset=0): the server did not move on, so the list would never end`,
		);
		expect(api.requests.length).toBeLessThanOrEqual(5);
	});

	test('a server that caps limit at 100 (the page after the short one is not empty): every term, 100 at a time (#12.4)', async () => {
		const catalogue = terms(1, 1200);
		const api = fakeApi(HOST);
		api.scope
			.get(`${API}/terms`)
			.query(true)
			.times(30)
			.reply(200, (uri) => {
				const query = new URL(uri, HOST).searchParams;
				const offset = Number(query.get('offset'));
				return catalogue.slice(offset, offset + Math.min(100, Number(query.get('limit'))));
			});
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.id)).toEqual(catalogue.map((t) => t.id));
		expect(api.requests.slice(4).map((request) => request.query)).toEqual(
			Array.from({ length: 12 }, (_, i) => ({ limit: '100', offset: String(100 + i * 100) })),
		);
	});

	test('a limit asks for no more than needed', async () => {
		const api = catalogueApi(terms(1, 1200));
		const { output } = await run({ operation: 'getAll', returnAll: false, limit: 30 });
		expect(api.requests.map((request) => request.query)).toEqual([{ offset: '0', limit: '30' }]);
		expect(output).toHaveLength(30);
	});

	test('create sends name and description and outputs the id', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${API}/terms`).reply(200, { id: 77 });
		const { output } = await run({
			operation: 'create',
			name: 'Webinar',
			additionalFields: { description: 'Signed up for a webinar' },
		});
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			path: `${API}/terms`,
			body: { name: 'Webinar', description: 'Signed up for a webinar' },
		});
		expect(output).toEqual([{ json: { id: 77 }, pairedItem: { item: 0 } }]);
	});

	test('get reads one term', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${API}/terms/77`).reply(200, term(77, 'Webinar'));
		const { output } = await run({ operation: 'get', termId: '77' });
		expect(api.requests[0]).toMatchObject({ method: 'GET', path: `${API}/terms/77` });
		expect(output).toEqual([{ json: term(77, 'Webinar'), pairedItem: { item: 0 } }]);
	});

	test('get by a name keeps the name in one path segment', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${API}/terms/VIP%2FGold`).reply(200, term(5, 'VIP/Gold'));
		await run({ operation: 'get', termId: 'VIP/Gold' });
		expect(api.requests[0].path).toBe(`${API}/terms/VIP%2FGold`);
	});

	test('update sends only the changed fields', async () => {
		const api = fakeApi(HOST);
		api.scope.put(`${API}/terms/77`).reply(200, { success: 'true' });
		const { output } = await run({
			operation: 'update',
			termId: '77',
			updateFields: { name: 'Webinar 2026' },
		});
		expect(api.requests[0]).toMatchObject({
			method: 'PUT',
			path: `${API}/terms/77`,
			body: { name: 'Webinar 2026' },
		});
		expect(output).toEqual([{ json: { success: 'true' }, pairedItem: { item: 0 } }]);
	});

	test('delete outputs { deleted: true }', async () => {
		const api = fakeApi(HOST);
		api.scope.delete(`${API}/terms/77`).reply(200, { success: 'true' });
		const { output } = await run({ operation: 'delete', termId: '77' });
		expect(api.requests[0]).toMatchObject({ method: 'DELETE', path: `${API}/terms/77` });
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});

	describe('by name: Quentn takes a name in the path of GET only, so the id is looked up first', () => {
		test('update: GET /terms/{name}, then PUT /terms/{its id}', async () => {
			const api = fakeApi(HOST);
			api.scope.get(`${API}/terms/VIP%2FGold`).reply(200, term(5, 'VIP/Gold'));
			api.scope.put(`${API}/terms/5`).reply(200, { success: 'true' });
			const { output, error } = await run({
				operation: 'update',
				termId: 'VIP/Gold',
				updateFields: { description: 'Top customers' },
			});
			expect(error).toBeUndefined();
			expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
				['GET', `${API}/terms/VIP%2FGold`, undefined],
				['PUT', `${API}/terms/5`, { description: 'Top customers' }],
			]);
			expect(api.requests.every((r) => r.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
			expect(output).toEqual([{ json: { success: 'true' }, pairedItem: { item: 0 } }]);
		});

		test('delete (version 2, the name typed in the locator): GET /terms/{name}, then DELETE /terms/{its id}', async () => {
			const api = fakeApi(HOST);
			api.scope.get(`${API}/terms/Newsletter`).reply(200, term(12, 'Newsletter'));
			api.scope.delete(`${API}/terms/12`).reply(200, { success: 'true' });
			const { output, error } = await runNode({
				type: 'quentn',
				typeVersion: 2,
				parameters: {
					resource: 'term',
					operation: 'delete',
					termId: { __rl: true, mode: 'id', value: 'Newsletter' },
				},
				credentials,
			});
			expect(error).toBeUndefined();
			expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
				`GET ${API}/terms/Newsletter`,
				`DELETE ${API}/terms/12`,
			]);
			expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		});

		test('a name no term has fails the item; nothing is changed', async () => {
			const api = fakeApi(HOST);
			api.scope.get(`${API}/terms/Gone`).reply(404, { message: 'Not found' });
			const { output, error } = await run({ operation: 'delete', termId: 'Gone' });
			expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${API}/terms/Gone`]);
			expect(output).toEqual([]);
			expect(error?.message).toBe('Quentn has no term named "Gone"');
		});
	});
});

describe('Quentn term picker (termIds)', () => {
	/** The editor's call of the dropdown: n8n-core's LoadOptionsContext, requests signed by the real credential. */
	const loadTerms = (quentnApi: Record<string, string>) =>
		runLoadOptions({ type: 'quentn', method: 'getTerms', credentials: { quentnApi } });

	test('loads every page of GET /terms and offers the names, storing the ids', async () => {
		const catalogue = [...terms(1, 1199), term(5000, 'Alpha')];
		const api = catalogueApi(catalogue);
		const options = await loadTerms(credentials.quentnApi);

		expect(api.requests.map((request) => request.query.offset)).toEqual([
			'0',
			'500',
			'1000',
			'1500',
			'2000',
			'2500',
		]);
		expect(
			api.requests.every((request) => request.headers.authorization === `Bearer ${API_KEY}`),
		).toBe(true);
		expect(options).toHaveLength(1200);
		expect(options[0]).toEqual({ name: 'Alpha', value: 5000, description: 'About Alpha' });
		expect(new Set(options.map((option) => option.value)).size).toBe(1200);
	});

	test('refuses a bad server ID before loading anything', async () => {
		const api = catalogueApi([]);
		await expect(
			loadTerms({ ...credentials.quentnApi, serverId: 'evil.example#' }),
		).rejects.toThrow('"Server ID (Quentn credential)" is not a valid host name part');
		expect(api.requests).toHaveLength(0);
	});
});
