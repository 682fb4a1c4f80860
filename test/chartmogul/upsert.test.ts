import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASIC, CUSTOMER, DATA_SOURCE, HOST, contact, credentials } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject, items?: IDataObject[], continueOnFail = false) =>
	runNode({
		type: 'chartMogul',
		parameters: { resource: 'contact', operation: 'upsert', ...parameters },
		credentials,
		items,
		continueOnFail,
	});

const picked = (value: string) => ({ __rl: true, mode: 'list', value });
const lookupQuery = (email: string) => ({
	customer_uuid: CUSTOMER,
	data_source_uuid: DATA_SOURCE,
	email,
	per_page: '200',
});

describe('ChartMogul contact: Create or Update', () => {
	test('the customer has no contact with the address → POST /customers/{uuid}/contacts, upsert "created"', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/contacts')
			.query(lookupQuery('new@example.com'))
			.reply(200, { entries: [], has_more: false, cursor: null });
		api.scope
			.post(`/v1/customers/${CUSTOMER}/contacts`)
			.reply(201, contact('con_new', { email: 'new@example.com' }));
		const { output, error } = await run({
			customerUuid: CUSTOMER,
			dataSourceUuid: picked(DATA_SOURCE),
			email: 'new@example.com',
			additionalFields: { firstName: 'Ann' },
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.query, r.body])).toEqual([
			['GET', '/v1/contacts', lookupQuery('new@example.com'), undefined],
			[
				'POST',
				`/v1/customers/${CUSTOMER}/contacts`,
				{},
				{ data_source_uuid: DATA_SOURCE, email: 'new@example.com', first_name: 'Ann' },
			],
		]);
		expect(api.requests.every((r) => r.headers.authorization === BASIC)).toBe(true);
		expect(output).toEqual([
			{
				json: { ...contact('con_new', { email: 'new@example.com' }), upsert: 'created' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a contact of the customer in the data source has the address → PATCH /contacts/{its uuid} without the data source, upsert "updated"', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/contacts')
			.query(lookupQuery('adam@example.com'))
			.reply(200, {
				// Another data source's contact with the address is not the one to update.
				entries: [contact('con_9', { data_source_uuid: 'ds_other' }), contact('con_1')],
				has_more: false,
			});
		api.scope.patch('/v1/contacts/con_1').reply(200, contact('con_1', { title: 'CFO' }));
		const { output } = await run({
			customerUuid: CUSTOMER,
			dataSourceUuid: picked(DATA_SOURCE),
			email: 'adam@example.com',
			additionalFields: { title: 'CFO', custom: { attributes: [{ key: 'tier', value: 'gold' }] } },
		});
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', '/v1/contacts', undefined],
			[
				'PATCH',
				'/v1/contacts/con_1',
				{ email: 'adam@example.com', title: 'CFO', custom: [{ key: 'tier', value: 'gold' }] },
			],
		]);
		expect(output).toEqual([
			{
				json: { ...contact('con_1', { title: 'CFO' }), upsert: 'updated' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('several contacts of the customer in the data source have the address → the item fails naming them, nothing is changed', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/contacts')
			.query(lookupQuery('adam@example.com'))
			.reply(200, { entries: [contact('con_1'), contact('con_2')], has_more: false });
		const { output, error } = await run(
			{
				customerUuid: CUSTOMER,
				dataSourceUuid: picked(DATA_SOURCE),
				email: 'adam@example.com',
				additionalFields: { title: 'CFO' },
			},
			undefined,
			true,
		);
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/contacts']);
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(String(output[0].json.error)).toBe(
			`2 contacts of customer ${CUSTOMER} in data source ${DATA_SOURCE} have the email address "adam@example.com": con_1, con_2`,
		);
	});

	test('a bad customer UUID or email fails that item before the lookup', async () => {
		const api = fakeApi(HOST);
		api.scope.get(/.*/).reply(200, { entries: [] });
		api.scope.post(/.*/).reply(201, contact('con_x'));
		const { output } = await run(
			{
				customerUuid: '={{ $json.customer }}',
				dataSourceUuid: picked(DATA_SOURCE),
				email: '={{ $json.email }}',
				additionalFields: {},
			},
			[
				{ customer: 'cus_1/../x', email: 'a@example.com' },
				{ customer: CUSTOMER, email: 'nope' },
			],
			true,
		);
		expect(api.requests).toHaveLength(0);
		expect(output.map((i) => [String(i.json.error), i.pairedItem])).toEqual([
			[expect.stringMatching(/Customer UUID/), { item: 0 }],
			[expect.stringMatching(/Email/), { item: 1 }],
		]);
	});

	test('version 2: the customer as a locator (By URL) is the path of the create and the filter of the lookup', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/contacts')
			.query(lookupQuery('new@example.com'))
			.reply(200, { entries: [], has_more: false });
		api.scope.post(`/v1/customers/${CUSTOMER}/contacts`).reply(201, contact('con_new'));
		const { output, error } = await runNode({
			type: 'chartMogul',
			typeVersion: 2,
			parameters: {
				resource: 'contact',
				operation: 'upsert',
				customerUuid: {
					__rl: true,
					mode: 'url',
					value: `https://app.chartmogul.com/#/customers/${CUSTOMER}`,
				},
				dataSourceUuid: picked(DATA_SOURCE),
				email: 'new@example.com',
				additionalFields: {},
			},
			credentials,
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/contacts',
			`POST /v1/customers/${CUSTOMER}/contacts`,
		]);
		expect(output[0].json.upsert).toBe('created');
	});
});
