import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, nock, resetHttp } from '../harness/http';
import { API_KEY, BASE, credentials, customer, flat, listApi, page } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject, items?: IDataObject[]) =>
	runNode({
		type: 'ticketSource',
		parameters: { resource: 'customer', ...parameters },
		credentials,
		items,
	});

describe('TicketSource customer', () => {
	test('create sends a JSON:API body and outputs the flattened record', async () => {
		const api = fakeApi(BASE);
		const record = customer('cst-2');
		api.scope.post('/customers').reply(201, { data: record });

		const { output, error } = await run({
			operation: 'create',
			firstName: 'Karl',
			lastName: 'Jenkins',
			email: 'karl@karljenkins.com',
			additionalFields: {
				phone: '01234555678',
				title: 'Mr',
				address: {
					details: {
						line1: '1 A Street',
						line2: 'A Town',
						line3: '',
						line4: '',
						postcode: 'AB123CD',
					},
				},
				membership: {
					details: { identifier: 'A12345BCD', startDate: '2020-01-01', endDate: '2021-12-31' },
				},
				consent: { details: { email: true, post: false, sms: false } },
			},
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/customers');
		expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(request.body).toEqual({
			data: {
				type: 'customer',
				attributes: {
					first_name: 'Karl',
					last_name: 'Jenkins',
					email: 'karl@karljenkins.com',
					phone: '01234555678',
					title: 'Mr',
					address: {
						line_1: '1 A Street',
						line_2: 'A Town',
						line_3: '',
						line_4: '',
						postcode: 'AB123CD',
					},
					membership: { identifier: 'A12345BCD', start_date: '2020-01-01', end_date: '2021-12-31' },
					consent: { email: true, post: false, sms: false },
				},
			},
		});
		expect(output).toEqual([{ json: flat(record), pairedItem: { item: 0 } }]);
	});

	test('create refuses an invalid e-mail before any request', async () => {
		const api = fakeApi(BASE);
		const { error } = await run({
			operation: 'create',
			firstName: 'A',
			lastName: 'B',
			email: 'not-an-address',
		});
		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe('"Email" is not a valid e-mail address');
	});

	test('get reads one customer by id', async () => {
		const api = fakeApi(BASE);
		const record = customer('cst-1');
		api.scope.get('/customers/cst-1').reply(200, { data: record });

		const { output } = await run({ operation: 'get', customerId: 'cst-1' });

		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /customers/cst-1']);
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(output).toEqual([{ json: flat(record), pairedItem: { item: 0 } }]);
	});

	test.each([
		['../customers', '"/"'],
		['cst-1?include=notes', '"?"'],
		['cst-1#x', '"#"'],
		['cst-1%2F..', '"%"'],
		['cst 1', 'a space'],
	])('an id like %j is refused before any request, naming the field', async (customerId, shown) => {
		const api = fakeApi(BASE);
		api.scope.get(/.*/).reply(200, {});

		const { error } = await run({ operation: 'get', customerId });

		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe(`"Customer ID" is not a valid ID: it contains ${shown}`);
		expect(error?.description).toMatch(/map the ID alone/);
	});

	test('update sends data.id and only the changed attributes with PATCH', async () => {
		const api = fakeApi(BASE);
		const record = customer('cst-2', { last_name: 'Jenkin' });
		api.scope.patch('/customers/cst-2').reply(200, { data: record });

		const { output } = await run({
			operation: 'update',
			customerId: 'cst-2',
			updateFields: { lastName: 'Jenkin' },
		});

		expect(api.requests[0].method).toBe('PATCH');
		expect(api.requests[0].body).toEqual({
			data: { type: 'customer', id: 'cst-2', attributes: { last_name: 'Jenkin' } },
		});
		expect(output).toEqual([{ json: flat(record), pairedItem: { item: 0 } }]);
	});

	test('delete outputs { deleted: true } on a 204', async () => {
		const api = fakeApi(BASE);
		api.scope.delete('/customers/cst-2').reply(204);

		const { output } = await run({ operation: 'delete', customerId: 'cst-2' });

		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /customers/cst-2']);
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});

	test('Return All asks for pages 1, 2, 3 … by number, 4 at a time, and ends at the short page: every record once, in order', async () => {
		const api = fakeApi(BASE);
		const records = Array.from({ length: 250 }, (_, i) => customer(`cst-${i}`));
		listApi(api, '/customers', records);

		const { output, error, credentialReads } = await run({ operation: 'getAll', returnAll: true });

		expect(error).toBeUndefined();
		// Each read is a database query and a decryption in n8n: RoutingNode reads the credential once, and the item once
		// more for all its pages (the rate gate's key and the 6 requests, which get it decrypted instead of reading it each).
		expect(credentialReads).toBe(1 + 1);
		// ceil(250 / 100) = 3 pages hold records; pages 4–6 were in flight while page 3 was read (k − 1 = 3 beyond it).
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
			Array(6).fill('GET /customers'),
		);
		expect(api.requests.map((r) => r.query)).toEqual(
			[1, 2, 3, 4, 5, 6].map((n) => ({ page: String(n), per_page: '100' })),
		);
		expect(api.requests.every((r) => r.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
		expect(output.map((item) => item.json)).toEqual(records.map(flat));
		expect(output.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	test('a full last page whose links.next is null ends the list: 1,000 customers in 10 pages + at most 3 beyond', async () => {
		const api = fakeApi(BASE);
		const records = Array.from({ length: 1000 }, (_, i) => customer(`cst-${i}`));
		listApi(api, '/customers', records);

		const { output } = await run({ operation: 'getAll', returnAll: true });

		expect(api.requests.length).toBeLessThanOrEqual(10 + 3);
		expect(output.map((item) => item.json.id)).toEqual(records.map((r) => r.id));
	});

	test('a Limit that ends inside a page asks for the pages it needs only and returns exactly the limit', async () => {
		const api = fakeApi(BASE);
		listApi(
			api,
			'/customers',
			Array.from({ length: 300 }, (_, i) => customer(`cst-${i}`)),
		);

		const { output } = await run({ operation: 'getAll', returnAll: false, limit: 150 });

		expect(api.requests.map((r) => r.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
		]);
		expect(output).toHaveLength(150);
		expect(output[149].json.id).toBe('cst-149');
	});

	test('a server that caps per_page at 40 (links.next set on a short page): all 250 customers, in its page length (#12.4)', async () => {
		const api = fakeApi(BASE);
		const records = Array.from({ length: 250 }, (_, i) => customer(`cst-${i}`));
		listApi(api, '/customers', records, { cap: 40 });

		const { output, error } = await run({ operation: 'getAll', returnAll: true });

		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.id)).toEqual(records.map((r) => r.id));
	});

	test('a server that ignores page (page 1 again and again) stops the list with an error naming it and the page (#12.3)', async () => {
		const api = fakeApi(BASE);
		const first = page(
			'/customers',
			Array.from({ length: 100 }, (_, i) => customer(`cst-${i}`)),
			1,
			false,
		);
		api.scope.get('/customers').query(true).times(50).reply(200, first);

		const { output, error } = await run({ operation: 'getAll', returnAll: true });

		expect(output).toEqual([]);
		expect(error?.message).toBe(
			'TicketSource: the list GET /customers was stopped at page 2 (page=2, per_page=100) returned the same records as page 1 (page=1, per_page=100): the server did not move on, so the list would never end',
		);
		expect(api.requests.length).toBeLessThanOrEqual(5);
	});

	test('links.next is never followed: a link to another host gets no request (the API key stays with TicketSource)', async () => {
		const api = fakeApi(BASE);
		const evil = nock('https://evil.example').get(/.*/).reply(200, {});
		const first = page('/customers', [customer('cst-1')], 1, false);
		first.links.next = 'https://evil.example/steal?page=2';
		api.scope
			.get('/customers')
			.query(true)
			.times(10)
			.reply(200, (uri: string) =>
				uri.includes('page=1&') ? first : page('/customers', [], 2, true),
			);

		const { output, error } = await run({ operation: 'getAll', returnAll: true });

		expect(error).toBeUndefined();
		expect(evil.isDone()).toBe(false);
		expect(output.map((item) => item.json.id)).toEqual(['cst-1']);
	});
});
