/** Version 2: customer and note are resource locators, customer reads have Simplify (on by default). */
import type { IDataObject } from 'n8n-workflow';

import { runListSearch, runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API_KEY, BASE, credentials, customer, flat, note, page } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject) =>
	runNode({ type: 'ticketSource', typeVersion: 2, parameters, credentials });
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

const simple = (record: ReturnType<typeof customer>) => {
	const rest = { ...(flat(record) as IDataObject) };
	delete rest.address;
	delete rest.membership;
	delete rest.consent;
	return rest;
};

describe('TicketSource version 2', () => {
	test.each([
		['list', 'cst-1'],
		['id', ' cst-1 '],
	])(
		'customer get: a %s locator value goes into the path; Simplify (default) leaves out address, membership, consent',
		async (mode, value) => {
			const api = fakeApi(BASE);
			const record = customer('cst-1');
			api.scope.get('/customers/cst-1').reply(200, { data: record });

			const { output, error } = await run({
				resource: 'customer',
				operation: 'get',
				customerId: locator(mode, value),
			});

			expect(error).toBeUndefined();
			expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /customers/cst-1']);
			expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
			expect(output).toEqual([{ json: simple(record), pairedItem: { item: 0 } }]);
			expect(Object.keys(output[0].json)).toEqual([
				'id',
				'title',
				'first_name',
				'last_name',
				'email',
				'telephone',
				'created_at',
				'updated_at',
			]);
		},
	);

	test('customer get with Simplify off returns the full record', async () => {
		const api = fakeApi(BASE);
		const record = customer('cst-1');
		api.scope.get('/customers/cst-1').reply(200, { data: record });

		const { output } = await run({
			resource: 'customer',
			operation: 'get',
			customerId: locator('id', 'cst-1'),
			simplify: false,
		});

		expect(output).toEqual([{ json: flat(record), pairedItem: { item: 0 } }]);
	});

	test('customer get many is simplified per record', async () => {
		const api = fakeApi(BASE);
		const records = [customer('cst-1'), customer('cst-2')];
		api.scope
			.get('/customers')
			.query(true)
			.reply(200, page('/customers', records, 1, true));

		const { output } = await run({ resource: 'customer', operation: 'getAll', returnAll: true });

		expect(output).toEqual(
			records.map((record) => ({ json: simple(record), pairedItem: { item: 0 } })),
		);
	});

	test('customer update sends the locator value as data.id and in the path', async () => {
		const api = fakeApi(BASE);
		api.scope.patch('/customers/cst-7').reply(200, { data: customer('cst-7') });

		const { error } = await run({
			resource: 'customer',
			operation: 'update',
			customerId: locator('list', 'cst-7'),
			updateFields: { firstName: 'Karla' },
		});

		expect(error).toBeUndefined();
		expect(api.requests[0]).toMatchObject({ method: 'PATCH', path: '/customers/cst-7' });
		expect(api.requests[0].body).toEqual({
			data: { type: 'customer', id: 'cst-7', attributes: { first_name: 'Karla' } },
		});
	});

	test('note get: both locators resolve into the path', async () => {
		const api = fakeApi(BASE);
		const record = note('csn-3', 'cst-1');
		api.scope.get('/customers/cst-1/notes/csn-3').reply(200, { data: record });

		const { output } = await run({
			resource: 'customerNote',
			operation: 'get',
			customerId: locator('list', 'cst-1'),
			noteId: locator('id', 'csn-3'),
		});

		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /customers/cst-1/notes/csn-3',
		]);
		expect(output).toEqual([
			{ json: { id: 'csn-3', ...record.attributes }, pairedItem: { item: 0 } },
		]);
	});

	test('a mapped locator ID that is not one is refused before sending, naming the field', async () => {
		const api = fakeApi(BASE);
		// A typed value is checked by the editor (the mode's regex); a mapped one only when the node runs.
		const { error } = await run({
			resource: 'customer',
			operation: 'delete',
			customerId: locator('id', '={{ "cst-1/../x" }}'),
		});
		expect(api.requests).toHaveLength(0);
		expect(error?.message).toMatch(/^"Customer ID"/);
	});
});

describe('TicketSource errors before sending', () => {
	test('say nothing was sent and carry no HTTP code (the editor showed "Error code none")', async () => {
		const api = fakeApi(BASE);
		const { error } = await run({
			resource: 'customer',
			operation: 'create',
			firstName: 'A',
			lastName: 'B',
			email: 'not-an-address',
		});
		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe('"Email" is not a valid e-mail address');
		expect(error?.description).toMatch(/^Not sent: nothing went to TicketSource for this item\. /);
		expect(error?.httpCode ?? null).toBeNull();
	});
});

describe('TicketSource locator lists', () => {
	test('customers: one page per call, named "First Last (email)", filtered, next page as token', async () => {
		const api = fakeApi(BASE);
		api.scope
			.get('/customers')
			.query({ page: '2', per_page: '100' })
			.reply(
				200,
				page(
					'/customers',
					[customer('cst-1'), customer('cst-2', { first_name: 'Ada', email: 'ada@example.com' })],
					2,
					false,
				),
			);

		const result = await runListSearch({
			type: 'ticketSource',
			typeVersion: 2,
			method: 'searchCustomers',
			credentials,
			filter: 'ADA',
			paginationToken: '2',
		});

		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(result).toEqual({
			results: [{ name: 'Ada Jenkins (ada@example.com)', value: 'cst-2' }],
			paginationToken: '3',
		});
	});

	test('notes: the notes of the customer chosen in the node, last page without token', async () => {
		const api = fakeApi(BASE);
		api.scope
			.get('/customers/cst-1/notes')
			.query({ page: '1', per_page: '100' })
			.reply(
				200,
				page(
					'/customers/cst-1/notes',
					[note('csn-2', 'cst-1', 'Second\nmore'), note('csn-1', 'cst-1', 'A first note')],
					1,
					true,
				),
			);

		const result = await runListSearch({
			type: 'ticketSource',
			typeVersion: 2,
			method: 'searchCustomerNotes',
			credentials,
			parameters: {
				resource: 'customerNote',
				operation: 'get',
				customerId: locator('list', 'cst-1'),
			},
		});

		expect(result).toEqual({
			results: [
				{ name: 'A first note', value: 'csn-1' },
				{ name: 'Second', value: 'csn-2' },
			],
		});
	});

	test('notes without a customer say to choose it first (no request)', async () => {
		const api = fakeApi(BASE);
		await expect(
			runListSearch({
				type: 'ticketSource',
				typeVersion: 2,
				method: 'searchCustomerNotes',
				credentials,
				parameters: { resource: 'customerNote', operation: 'get', customerId: locator('list', '') },
			}),
		).rejects.toThrow('Choose the Customer first');
		expect(api.requests).toHaveLength(0);
	});
});
