/** Version 2: contact, customer and note are resource locators; contact reads have Simplify (on by default). */
import { WorkflowHasIssuesError } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { runListSearch, runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASIC, CUSTOMER, DATA_SOURCE, HOST, contact, credentials, note } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject) =>
	runNode({ type: 'chartMogul', typeVersion: 2, parameters, credentials });
const search = (method: string, filter?: string, paginationToken?: string) =>
	runListSearch({
		type: 'chartMogul',
		typeVersion: 2,
		method,
		credentials,
		filter,
		paginationToken,
	});
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

const SIMPLE = [
	'uuid',
	'customer_uuid',
	'data_source_uuid',
	'first_name',
	'last_name',
	'title',
	'email',
	'phone',
];
const simple = (record: IDataObject) => Object.fromEntries(SIMPLE.map((key) => [key, record[key]]));

describe('ChartMogul version 2', () => {
	test.each([
		['list', 'con_1'],
		['id', ' con_1 '],
	])(
		'contact get: a %s locator value goes into the path; Simplify (default) keeps the listed fields',
		async (mode, value) => {
			const api = fakeApi(HOST);
			api.scope.get('/v1/contacts/con_1').reply(200, contact('con_1'));

			const { output, error } = await run({
				resource: 'contact',
				operation: 'get',
				contactUuid: locator(mode, value),
			});

			expect(error).toBeUndefined();
			expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/contacts/con_1']);
			expect(api.requests[0].headers.authorization).toBe(BASIC);
			expect(output).toEqual([{ json: simple(contact('con_1')), pairedItem: { item: 0 } }]);
			expect(Object.keys(output[0].json)).toEqual(SIMPLE);
		},
	);

	test('contact get many: Simplify off returns the full records', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/contacts')
			.query(true)
			.reply(200, { entries: [contact('con_1'), contact('con_2')], has_more: false });

		const { output } = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		});

		expect(output).toEqual(
			[contact('con_1'), contact('con_2')].map((json) => ({ json, pairedItem: { item: 0 } })),
		);
	});

	test('contact get many: Simplify (default) on every record', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/contacts')
			.query(true)
			.reply(200, { entries: [contact('con_1'), contact('con_2')], has_more: false });

		const { output } = await run({ resource: 'contact', operation: 'getAll', returnAll: true });

		expect(output.map((item) => item.json)).toEqual([
			simple(contact('con_1')),
			simple(contact('con_2')),
		]);
	});

	test('contact create: a customer given by its ChartMogul page URL goes into the path', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`/v1/customers/${CUSTOMER}/contacts`).reply(201, contact('con_9'));

		const { error, output } = await run({
			resource: 'contact',
			operation: 'create',
			customerUuid: locator('url', `https://app.chartmogul.com/#/customers/${CUSTOMER}`),
			dataSourceUuid: locator('list', DATA_SOURCE),
			additionalFields: { email: 'adam@example.com' },
		});

		expect(error).toBeUndefined();
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			path: `/v1/customers/${CUSTOMER}/contacts`,
		});
		expect(api.requests[0].body).toEqual({
			data_source_uuid: DATA_SOURCE,
			email: 'adam@example.com',
		});
		expect(output).toEqual([{ json: contact('con_9'), pairedItem: { item: 0 } }]);
	});

	test('contact merge: both contact locators resolve into the path; the same contact twice is refused', async () => {
		const api = fakeApi(HOST);
		api.scope.post('/v1/contacts/con_1/merge/con_2').reply(200, contact('con_1'));

		const merged = await run({
			resource: 'contact',
			operation: 'merge',
			intoContactUuid: locator('list', 'con_1'),
			fromContactUuid: locator('id', 'con_2'),
		});
		const same = await run({
			resource: 'contact',
			operation: 'merge',
			intoContactUuid: locator('list', 'con_1'),
			fromContactUuid: locator('id', 'con_1'),
		});

		expect(merged.error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /v1/contacts/con_1/merge/con_2',
		]);
		expect(same.error?.message).toBe('"Into Contact" and "From Contact" are the same contact');
	});

	test('note create: the customer locator value is sent as customer_uuid', async () => {
		const api = fakeApi(HOST);
		api.scope.post('/v1/customer_notes').reply(201, note('note_1'));

		const { error } = await run({
			resource: 'customerNote',
			operation: 'create',
			customerUuid: locator('list', CUSTOMER),
			type: 'note',
			text: 'Hi',
		});

		expect(error).toBeUndefined();
		expect(api.requests[0].body).toEqual({ customer_uuid: CUSTOMER, type: 'note', text: 'Hi' });
	});

	test('note delete: the note locator value goes into the path', async () => {
		const api = fakeApi(HOST);
		api.scope.delete('/v1/customer_notes/note_7').reply(204);

		const { output } = await run({
			resource: 'customerNote',
			operation: 'delete',
			noteUuid: locator('list', 'note_7'),
		});

		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'DELETE /v1/customer_notes/note_7',
		]);
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});
});

describe('ChartMogul locator lists', () => {
	const customer = (uuid: string, name: string, email: string) => ({ uuid, name, email });

	test('customers by name: a page of GET /customers filtered here, cursor as the next token', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/customers')
			.query({ per_page: '200', cursor: 'c1' })
			.reply(200, {
				entries: [customer('cus_1', 'Acme', 'a@acme.com'), customer('cus_2', 'Beta', 'b@beta.io')],
				cursor: 'c2',
				has_more: true,
			});

		const result = await search('searchCustomers', 'acm', 'c1');

		expect(api.requests[0].headers.authorization).toBe(BASIC);
		expect(result).toEqual({
			results: [{ name: 'Acme (a@acme.com)', value: 'cus_1' }],
			paginationToken: 'c2',
		});
	});

	test('customers by e-mail: ChartMogul customer search; its 404 is an empty list', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/customers/search')
			.query({ email: 'b@beta.io', per_page: '200' })
			.reply(200, { entries: [customer('cus_2', 'Beta', 'b@beta.io')], has_more: false });
		api.scope
			.get('/v1/customers/search')
			.query({ email: 'none@x.io', per_page: '200' })
			.reply(404, { code: 404, message: 'Not found' });

		expect(await search('searchCustomers', ' b@beta.io ')).toEqual({
			results: [{ name: 'Beta (b@beta.io)', value: 'cus_2' }],
		});
		expect(await search('searchCustomers', 'none@x.io')).toEqual({ results: [] });
	});

	test('contacts: an e-mail is the list filter `email`; names shown as "First Last (email)"', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/contacts')
			.query({ email: 'adam@example.com', per_page: '200' })
			.reply(200, { entries: [contact('con_1')], has_more: false });

		expect(await search('searchContacts', 'adam@example.com')).toEqual({
			results: [{ name: 'Adam Smith (adam@example.com)', value: 'con_1' }],
		});
	});

	test('notes and call logs by their text', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/customer_notes')
			.query({ per_page: '200' })
			.reply(200, {
				entries: [note('note_1'), note('note_2', { type: 'call', text: 'Called\nabout renewal' })],
				has_more: false,
			});

		expect(await search('searchCustomerNotes')).toEqual({
			results: [
				{ name: 'Call: Called', value: 'note_2' },
				{ name: 'Note: Renewal call planned', value: 'note_1' },
			],
		});
	});
});

describe('ChartMogul customer URL mode', () => {
	test('a customer page URL with a trailing path still names the customer', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`/v1/customers/${CUSTOMER}/contacts`).reply(201, contact('con_9'));

		const { error } = await run({
			resource: 'contact',
			operation: 'create',
			customerUuid: locator('url', ` https://app.chartmogul.com/#/customers/${CUSTOMER}/profile `),
			dataSourceUuid: locator('list', DATA_SOURCE),
		});

		expect(error).toBeUndefined();
		expect(api.requests.map((r) => r.path)).toEqual([`/v1/customers/${CUSTOMER}/contacts`]);
	});

	test('a URL that is not a customer page is refused by the editor check, nothing sent', async () => {
		const api = fakeApi(HOST);
		// n8n-core's refusal to start; its message names the node's issues only from n8n 2.41 on.
		await expect(
			run({
				resource: 'contact',
				operation: 'create',
				customerUuid: locator('url', 'https://app.chartmogul.com/#/customers/12345-Acme'),
				dataSourceUuid: locator('list', DATA_SOURCE),
			}),
		).rejects.toThrow(WorkflowHasIssuesError);
		expect(api.requests).toHaveLength(0);
	});
});
