import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API, API_KEY, HOST, credentials, term } from './fixtures';

afterEach(resetHttp);

const run = (parameters: Record<string, unknown>, continueOnFail = false) =>
	runNode({
		type: 'quentn',
		parameters: { resource: 'contactTerm', contactId: '93', ...parameters },
		credentials,
		continueOnFail,
	});

describe('Quentn contact terms', () => {
	test('getAll outputs one item per term of the contact', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${API}/contact/93/terms`)
			.reply(200, [term(12, 'ExampleTag'), term(13, 'Sample')]);
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'GET', path: `${API}/contact/93/terms` });
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(output).toEqual([
			{ json: term(12, 'ExampleTag'), pairedItem: { item: 0 } },
			{ json: term(13, 'Sample'), pairedItem: { item: 0 } },
		]);
	});

	test('getAll of a contact without terms (Quentn answers HTTP 404): an empty list, not an error', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${API}/contact/93/terms`).reply(404, { error: true, message: 'No terms found' });
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'GET', path: `${API}/contact/93/terms` });
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(output).toEqual([]);
	});

	test('getAll with a limit returns that many', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${API}/contact/93/terms`).reply(200, [term(12), term(13), term(14)]);
		const { output } = await run({ operation: 'getAll', returnAll: false, limit: 2 });
		expect(output.map((item) => item.json.id)).toEqual([12, 13]);
	});

	test.each([
		['add', 'PUT'],
		['remove', 'DELETE'],
		['set', 'POST'],
	])('%s sends %s with the bare JSON array of term ids as the body', async (operation, method) => {
		const api = fakeApi(HOST);
		api.scope
			.intercept(`${API}/contact/93/terms`, method, [123, 555])
			.reply(200, { success: 'true' });
		const { output, error } = await run({ operation, termIds: [123, '555'] });
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method,
			path: `${API}/contact/93/terms`,
			body: [123, 555],
		});
		expect(api.requests[0].headers['content-type']).toBe('application/json');
		expect(output).toEqual([{ json: { success: 'true' }, pairedItem: { item: 0 } }]);
	});

	test('ids from an expression may be comma-separated text', async () => {
		const api = fakeApi(HOST);
		api.scope.put(`${API}/contact/93/terms`).reply(200, { success: 'true' });
		await run({ operation: 'add', termIds: '={{ "7, 8,9" }}' });
		expect(api.requests[0].body).toEqual([7, 8, 9]);
	});

	test.each([
		['={{ [] }}', '"Term IDs" is empty'],
		['={{ "12, abc" }}', '"Term IDs" must be a number made of digits only'],
	])('term ids %j are refused before sending', async (termIds, message) => {
		const api = fakeApi(HOST);
		api.scope.put(`${API}/contact/93/terms`).optionally().reply(200, { success: 'true' });
		const { error, output } = await run({ operation: 'add', termIds }, true);
		expect(api.requests).toHaveLength(0);
		expect(error).toBeUndefined();
		expect(output).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({ error: message }),
				pairedItem: { item: 0 },
			}),
		]);
	});

	test('set warns in its description that the other terms are removed', async () => {
		const { Quentn } = await import('../../nodes/Quentn/Quentn.node');
		const operation = new Quentn().description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes('contactTerm'),
		);
		const set = operation?.options?.find((option) => 'value' in option && option.value === 'set');
		expect(set).toMatchObject({
			description: expect.stringContaining('terms not listed here are removed'),
		});
	});
});
