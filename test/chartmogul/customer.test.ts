import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASIC, CUSTOMER, HOST, credentials } from './fixtures';

afterEach(resetHttp);

const run = (
	resource: string,
	parameters: IDataObject,
	items?: IDataObject[],
	continueOnFail = false,
) =>
	runNode({
		type: 'chartMogul',
		parameters: { resource, ...parameters },
		credentials,
		items,
		continueOnFail,
	});

const customer = (uuid: string, extra: IDataObject = {}) => ({
	id: 244461,
	uuid,
	external_id: 'cus_0002',
	name: 'Adam Smith',
	email: 'adam@smith.com',
	status: 'Active',
	attributes: { tags: ['foo'], custom: {} },
	...extra,
});

describe('ChartMogul customer: Get by Email', () => {
	test('GET /customers/search?email=, every page, one item per customer paired to its input item', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/customers/search')
			.query({ email: 'adam@smith.com', per_page: '200' })
			.reply(200, { entries: [customer('cus_1')], cursor: 'c2', has_more: true });
		api.scope
			.get('/v1/customers/search')
			.query({ email: 'adam@smith.com', per_page: '200', cursor: 'c2' })
			.reply(200, { entries: [customer('cus_2')], cursor: null, has_more: false });
		api.scope
			.get('/v1/customers/search')
			.query({ email: 'eve@example.com', per_page: '200' })
			.reply(200, { entries: [customer('cus_3', { email: 'eve@example.com' })], has_more: false });
		const { output, error } = await run(
			'customer',
			{ operation: 'getByEmail', email: '={{ $json.email }}' },
			[{ email: ' adam@smith.com ' }, { email: 'eve@example.com' }],
		);
		expect(error).toBeUndefined();
		// Items run concurrently: the order of requests across items is not fixed.
		expect(api.requests).toHaveLength(3);
		expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual(
			expect.arrayContaining([
				['GET', '/v1/customers/search', { email: 'adam@smith.com', per_page: '200' }],
				['GET', '/v1/customers/search', { email: 'adam@smith.com', per_page: '200', cursor: 'c2' }],
				['GET', '/v1/customers/search', { email: 'eve@example.com', per_page: '200' }],
			]),
		);
		expect(api.requests.every((r) => r.headers.authorization === BASIC)).toBe(true);
		expect(output).toEqual([
			{ json: customer('cus_1'), pairedItem: { item: 0 } },
			{ json: customer('cus_2'), pairedItem: { item: 0 } },
			{ json: customer('cus_3', { email: 'eve@example.com' }), pairedItem: { item: 1 } },
		]);
	});

	test('no customer with the address (ChartMogul answers 404) → no item, not an error; other items go on', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/customers/search')
			.query({ email: 'nobody@example.com', per_page: '200' })
			.reply(404, { code: 404, message: 'Customer not found', param: null });
		api.scope
			.get('/v1/customers/search')
			.query({ email: 'adam@smith.com', per_page: '200' })
			.reply(200, { entries: [customer('cus_1')], has_more: false });
		const { output, error } = await run(
			'customer',
			{ operation: 'getByEmail', email: '={{ $json.email }}' },
			[{ email: 'nobody@example.com' }, { email: 'adam@smith.com' }],
		);
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(2);
		expect(output).toEqual([{ json: customer('cus_1'), pairedItem: { item: 1 } }]);
	});

	test('a malformed address is refused before sending', async () => {
		const api = fakeApi(HOST);
		api.scope.get(/.*/).reply(200, { entries: [] });
		const { error } = await run('customer', { operation: 'getByEmail', email: 'not-an-address' });
		expect(api.requests).toHaveLength(0);
		expect(error?.message).toMatch(/Email/);
	});
});

describe('ChartMogul customer tags', () => {
	test("add: POST /customers/{uuid}/attributes/tags with { tags }, output the customer's tags", async () => {
		const api = fakeApi(HOST);
		api.scope
			.post(`/v1/customers/${CUSTOMER}/attributes/tags`)
			.reply(200, { tags: ['foo', 'important', 'Prio1'] });
		const { output, error } = await run('customerTag', {
			operation: 'add',
			customerUuid: CUSTOMER,
			tags: ' important, Prio1,,important ',
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', `/v1/customers/${CUSTOMER}/attributes/tags`, { tags: ['important', 'Prio1'] }],
		]);
		expect(api.requests[0].headers.authorization).toBe(BASIC);
		expect(output).toEqual([
			{ json: { tags: ['foo', 'important', 'Prio1'] }, pairedItem: { item: 0 } },
		]);
	});

	test('remove: DELETE with a JSON body { tags } (a list from an expression), per item', async () => {
		const api = fakeApi(HOST);
		api.scope.delete(`/v1/customers/${CUSTOMER}/attributes/tags`).reply(200, { tags: ['foo'] });
		api.scope.delete('/v1/customers/cus_2/attributes/tags').reply(200, { tags: [] });
		const { output } = await run(
			'customerTag',
			{ operation: 'remove', customerUuid: '={{ $json.uuid }}', tags: '={{ $json.tags }}' },
			[
				{ uuid: CUSTOMER, tags: ['Prio1'] },
				{ uuid: 'cus_2', tags: ['a', 'b'] },
			],
		);
		expect(
			api.requests
				.map((r) => [r.method, r.path, r.body])
				.sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
		).toEqual([
			['DELETE', '/v1/customers/cus_2/attributes/tags', { tags: ['a', 'b'] }],
			['DELETE', `/v1/customers/${CUSTOMER}/attributes/tags`, { tags: ['Prio1'] }],
		]);
		expect(output).toEqual([
			{ json: { tags: ['foo'] }, pairedItem: { item: 0 } },
			{ json: { tags: [] }, pairedItem: { item: 1 } },
		]);
	});

	test('no tags or no customer → that item fails before sending, naming the field', async () => {
		const api = fakeApi(HOST);
		api.scope.post(/.*/).reply(200, { tags: [] });
		const { output } = await run(
			'customerTag',
			{ operation: 'add', customerUuid: '={{ $json.uuid }}', tags: '={{ $json.tags }}' },
			[
				{ uuid: CUSTOMER, tags: ' , ' },
				{ uuid: '', tags: 'x' },
			],
			true,
		);
		expect(api.requests).toHaveLength(0);
		expect(output.map((i) => [i.json.error, i.pairedItem])).toEqual([
			['"Tags" is empty, so nothing was sent for this item', { item: 0 }],
			[expect.stringMatching(/Customer UUID/), { item: 1 }],
		]);
	});

	test('version 2: the customer picked from the list goes into the path', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`/v1/customers/${CUSTOMER}/attributes/tags`).reply(200, { tags: ['vip'] });
		const { output, error } = await runNode({
			type: 'chartMogul',
			typeVersion: 2,
			parameters: {
				resource: 'customerTag',
				operation: 'add',
				customerUuid: { __rl: true, mode: 'list', value: CUSTOMER },
				tags: 'vip',
			},
			credentials,
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', `/v1/customers/${CUSTOMER}/attributes/tags`, { tags: ['vip'] }],
		]);
		expect(output).toEqual([{ json: { tags: ['vip'] }, pairedItem: { item: 0 } }]);
	});
});

describe('ChartMogul customer tags: Add by Email', () => {
	test('POST /customers/attributes/tags with { email, tags }; one item per tagged customer, paired to its input item', async () => {
		const api = fakeApi(HOST);
		const tagged = [
			customer('cus_1', { attributes: { tags: ['foo', 'newsletter'], custom: {} } }),
			customer('cus_2', { attributes: { tags: ['newsletter'], custom: {} } }),
		];
		api.scope.post('/v1/customers/attributes/tags').reply(200, { entries: tagged });
		const { output, error } = await run(
			'customerTag',
			{ operation: 'addByEmail', email: '={{ $json.email }}', tags: 'newsletter, newsletter' },
			[{ email: ' adam@smith.com ' }],
		);
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.query, r.body])).toEqual([
			[
				'POST',
				'/v1/customers/attributes/tags',
				{},
				{ email: 'adam@smith.com', tags: ['newsletter'] },
			],
		]);
		expect(api.requests[0].headers.authorization).toBe(BASIC);
		expect(output).toEqual(tagged.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('no customer with the address (an empty list or a 404) → no item for it; the other items go on', async () => {
		const api = fakeApi(HOST);
		api.scope
			.post('/v1/customers/attributes/tags', (body) => body.email === 'nobody@example.com')
			.reply(404, { code: 404, message: 'Customer not found', param: null });
		api.scope
			.post('/v1/customers/attributes/tags', (body) => body.email === 'none@example.com')
			.reply(200, { entries: [] });
		api.scope
			.post('/v1/customers/attributes/tags', (body) => body.email === 'adam@smith.com')
			.reply(200, { entries: [customer('cus_1')] });
		const { output, error } = await run(
			'customerTag',
			{ operation: 'addByEmail', email: '={{ $json.email }}', tags: 'vip' },
			[{ email: 'nobody@example.com' }, { email: 'none@example.com' }, { email: 'adam@smith.com' }],
		);
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(3);
		expect(output).toEqual([{ json: customer('cus_1'), pairedItem: { item: 2 } }]);
	});

	test('a malformed address or no tags is refused before sending ("Not sent"), naming the field', async () => {
		const api = fakeApi(HOST);
		api.scope.post(/.*/).reply(200, { entries: [] });
		const { output } = await run(
			'customerTag',
			{ operation: 'addByEmail', email: '={{ $json.email }}', tags: '={{ $json.tags }}' },
			[
				{ email: 'not-an-address', tags: 'vip' },
				{ email: 'adam@smith.com', tags: ' , ' },
			],
			true,
		);
		expect(api.requests).toHaveLength(0);
		expect(output.map((i) => [i.json.error, i.pairedItem])).toEqual([
			['"Email" is not a valid e-mail address', { item: 0 }],
			['"Tags" is empty, so nothing was sent for this item', { item: 1 }],
		]);
		expect(output.every((i) => /^Not sent:/.test(String(i.error?.description)))).toBe(true);
	});
});

describe('ChartMogul customer: Get by Email, option With Associated Emails', () => {
	test('sends with_associated_emails=true on every page', async () => {
		const api = fakeApi(HOST);
		const query = { email: 'adam@smith.com', per_page: '200', with_associated_emails: 'true' };
		api.scope
			.get('/v1/customers/search')
			.query(query)
			.reply(200, { entries: [customer('cus_1')], cursor: 'c2', has_more: true });
		api.scope
			.get('/v1/customers/search')
			.query({ ...query, cursor: 'c2' })
			.reply(200, { entries: [customer('cus_2')], has_more: false });
		const { output, error } = await run('customer', {
			operation: 'getByEmail',
			email: 'adam@smith.com',
			options: { withAssociatedEmails: true },
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => r.query)).toEqual([query, { ...query, cursor: 'c2' }]);
		expect(output.map((i) => i.json.uuid)).toEqual(['cus_1', 'cus_2']);
	});
});
