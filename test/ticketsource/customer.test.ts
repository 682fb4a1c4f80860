import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API_KEY, BASE, credentials, customer, flat, page } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject, items?: IDataObject[]) =>
	runNode({ type: 'ticketSource', parameters: { resource: 'customer', ...parameters }, credentials, items });

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
				address: { details: { line1: '1 A Street', line2: 'A Town', line3: '', line4: '', postcode: 'AB123CD' } },
				membership: { details: { identifier: 'A12345BCD', startDate: '2020-01-01', endDate: '2021-12-31' } },
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
					address: { line_1: '1 A Street', line_2: 'A Town', line_3: '', line_4: '', postcode: 'AB123CD' },
					membership: { identifier: 'A12345BCD', start_date: '2020-01-01', end_date: '2021-12-31' },
					consent: { email: true, post: false, sms: false },
				},
			},
		});
		expect(output).toEqual([{ json: flat(record), pairedItem: { item: 0 } }]);
	});

	test('create refuses an invalid e-mail before any request', async () => {
		const api = fakeApi(BASE);
		const { error } = await run({ operation: 'create', firstName: 'A', lastName: 'B', email: 'not-an-address' });
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

		const { output } = await run({ operation: 'update', customerId: 'cst-2', updateFields: { lastName: 'Jenkin' } });

		expect(api.requests[0].method).toBe('PATCH');
		expect(api.requests[0].body).toEqual({ data: { type: 'customer', id: 'cst-2', attributes: { last_name: 'Jenkin' } } });
		expect(output).toEqual([{ json: flat(record), pairedItem: { item: 0 } }]);
	});

	test('delete outputs { deleted: true } on a 204', async () => {
		const api = fakeApi(BASE);
		api.scope.delete('/customers/cst-2').reply(204);

		const { output } = await run({ operation: 'delete', customerId: 'cst-2' });

		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /customers/cst-2']);
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});

	test('Return All follows links.next across 3 pages, asking for 100 per page each time', async () => {
		const api = fakeApi(BASE);
		const records = Array.from({ length: 250 }, (_, i) => customer(`cst-${i}`));
		api.scope.get('/customers').query({ per_page: '100' }).reply(200, page('/customers', records.slice(0, 100), 1, false));
		api.scope.get('/customers').query({ per_page: '100', page: '2' }).reply(200, page('/customers', records.slice(100, 200), 2, false));
		api.scope.get('/customers').query({ per_page: '100', page: '3' }).reply(200, page('/customers', records.slice(200), 3, true));

		const { output } = await run({ operation: 'getAll', returnAll: true });

		expect(api.requests.map((r) => r.query)).toEqual([
			{ per_page: '100' },
			{ per_page: '100', page: '2' },
			{ per_page: '100', page: '3' },
		]);
		expect(output.map((item) => item.json.id)).toEqual(records.map((r) => r.id));
		expect(output.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	test('a Limit that ends inside a page stops there and returns exactly the limit', async () => {
		const api = fakeApi(BASE);
		const records = Array.from({ length: 300 }, (_, i) => customer(`cst-${i}`));
		api.scope.get('/customers').query({ per_page: '100' }).reply(200, page('/customers', records.slice(0, 100), 1, false));
		api.scope.get('/customers').query({ per_page: '100', page: '2' }).reply(200, page('/customers', records.slice(100, 200), 2, false));

		const { output } = await run({ operation: 'getAll', returnAll: false, limit: 150 });

		expect(api.requests).toHaveLength(2);
		expect(output).toHaveLength(150);
		expect(output[149].json.id).toBe('cst-149');
	});

	test('a next link to another host is not followed (the API key stays with TicketSource)', async () => {
		const api = fakeApi(BASE);
		const first = page('/customers', [customer('cst-1')], 1, false);
		first.links.next = 'https://evil.example/steal?page=2';
		api.scope.get('/customers').query(true).reply(200, first);

		const { error } = await run({ operation: 'getAll', returnAll: true });

		expect(api.requests).toHaveLength(1);
		expect(error?.message).toMatch(/another host \(evil\.example\)/);
	});
});
