import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import {
	API_KEY,
	BASIC,
	CUSTOMER,
	DATA_SOURCE,
	HOST,
	contact,
	credentials,
	many,
} from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject, items?: IDataObject[], continueOnFail = false) =>
	runNode({
		type: 'chartMogul',
		parameters: { resource: 'contact', ...parameters },
		credentials,
		items,
		continueOnFail,
	});

const picked = (value: string) => ({ __rl: true, mode: 'list', value });

describe('ChartMogul contact', () => {
	test('create posts the seed body to the customer, custom attributes as [{ key, value }], output as returned', async () => {
		const api = fakeApi(HOST);
		const record = contact('con_1');
		api.scope.post(`/v1/customers/${CUSTOMER}/contacts`).reply(201, record);

		const { output, error } = await run({
			operation: 'create',
			customerUuid: CUSTOMER,
			dataSourceUuid: picked(DATA_SOURCE),
			additionalFields: {
				firstName: 'Adam',
				lastName: 'Smith',
				position: 9,
				title: 'CEO',
				email: 'adam@example.com',
				phone: '+1234567890',
				linkedIn: 'https://linkedin.com/example',
				twitter: 'https://twitter.com/example',
				notes: 'Heading\nBody\nFooter',
				externalId: 'crm-42',
				custom: {
					attributes: [
						{ key: 'Facebook', value: 'https://www.facebook.com/example' },
						{ key: 'date_of_birth', value: '1985-01-22' },
					],
				},
			},
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/v1/customers/${CUSTOMER}/contacts`);
		expect(request.headers.authorization).toBe(BASIC);
		expect(request.body).toEqual({
			data_source_uuid: DATA_SOURCE,
			first_name: 'Adam',
			last_name: 'Smith',
			position: 9,
			title: 'CEO',
			email: 'adam@example.com',
			phone: '+1234567890',
			linked_in: 'https://linkedin.com/example',
			twitter: 'https://twitter.com/example',
			notes: 'Heading\nBody\nFooter',
			external_id: 'crm-42',
			custom: [
				{ key: 'Facebook', value: 'https://www.facebook.com/example' },
				{ key: 'date_of_birth', value: '1985-01-22' },
			],
		});
		// ChartMogul returns custom attributes as an object: passed through unchanged.
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);
		expect(output[0].json.custom).toEqual({
			Facebook: 'https://www.facebook.com/example',
			date_of_birth: '1985-01-22',
		});
	});

	test('create takes a typed data source UUID, and each item its own customer', async () => {
		const api = fakeApi(HOST);
		api.scope
			.post(/\/v1\/customers\/[^/]+\/contacts/)
			.times(2)
			.reply(201, (uri) => contact(`con_for_${uri.split('/')[3]}`));

		const { output, error } = await run(
			{
				operation: 'create',
				customerUuid: '={{ $json.customer }}',
				dataSourceUuid: { __rl: true, mode: 'id', value: DATA_SOURCE },
				additionalFields: {},
			},
			[{ customer: 'cus_a' }, { customer: 'cus_b' }],
		);

		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.path, r.body])).toEqual([
			['/v1/customers/cus_a/contacts', { data_source_uuid: DATA_SOURCE }],
			['/v1/customers/cus_b/contacts', { data_source_uuid: DATA_SOURCE }],
		]);
		expect(output.map((o) => [o.json.uuid, o.pairedItem])).toEqual([
			['con_for_cus_a', { item: 0 }],
			['con_for_cus_b', { item: 1 }],
		]);
	});

	test('create refuses an invalid email before sending; with continue-on-fail the error is paired to its item', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`/v1/customers/${CUSTOMER}/contacts`).reply(201, contact('con_ok'));

		const { output, error } = await run(
			{
				operation: 'create',
				customerUuid: CUSTOMER,
				dataSourceUuid: picked(DATA_SOURCE),
				additionalFields: { email: '={{ $json.email }}' },
			},
			[{ email: 'not-an-address' }, { email: 'ok@example.com' }],
			true,
		);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].body).toEqual({
			data_source_uuid: DATA_SOURCE,
			email: 'ok@example.com',
		});
		expect(output[0].json.error).toBe('"Email" is not a valid e-mail address');
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[1]).toEqual({ json: contact('con_ok'), pairedItem: { item: 1 } });
	});

	test('get reads one contact by UUID; a UUID with a path in it is refused before sending', async () => {
		const api = fakeApi(HOST);
		api.scope.get('/v1/contacts/con_1').reply(200, contact('con_1'));

		const ok = await run({ operation: 'get', contactUuid: 'con_1' });
		expect(ok.error).toBeUndefined();
		expect(ok.output).toEqual([{ json: contact('con_1'), pairedItem: { item: 0 } }]);

		const bad = await run({ operation: 'get', contactUuid: '../customers' });
		expect(bad.error?.message).toBe('"Contact UUID" is not a valid ID: it contains "/"');
		expect(api.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
			['GET', '/v1/contacts/con_1', BASIC],
		]);
	});

	test('update patches only the given fields, custom attributes as an array', async () => {
		const api = fakeApi(HOST);
		const updated = contact('con_1', {
			title: 'CTO',
			custom: { Facebook: 'https://www.facebook.com/example', tier: 'gold' },
		});
		api.scope.patch('/v1/contacts/con_1').reply(200, updated);

		const { output, error } = await run({
			operation: 'update',
			contactUuid: 'con_1',
			updateFields: { title: 'CTO', custom: { attributes: [{ key: 'tier', value: 'gold' }] } },
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].method).toBe('PATCH');
		expect(api.requests[0].path).toBe('/v1/contacts/con_1');
		expect(api.requests[0].body).toEqual({
			title: 'CTO',
			custom: [{ key: 'tier', value: 'gold' }],
		});
		expect(output).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
	});

	test('delete outputs { deleted: true } (ChartMogul answers 200 {} or 204)', async () => {
		const api = fakeApi(HOST);
		api.scope.delete('/v1/contacts/con_1').reply(200, {});
		api.scope.delete('/v1/contacts/con_2').reply(204);

		const { output, error } = await run({ operation: 'delete', contactUuid: '={{ $json.uuid }}' }, [
			{ uuid: 'con_1' },
			{ uuid: 'con_2' },
		]);

		expect(error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'DELETE /v1/contacts/con_1',
			'DELETE /v1/contacts/con_2',
		]);
		expect(output).toEqual([
			{ json: { deleted: true }, pairedItem: { item: 0 } },
			{ json: { deleted: true }, pairedItem: { item: 1 } },
		]);
	});

	test('merge posts to /contacts/{into}/merge/{from} and outputs the merged contact', async () => {
		const api = fakeApi(HOST);
		const merged = contact('con_keep', { phone: '+4930123456' });
		api.scope.post('/v1/contacts/con_keep/merge/con_gone').reply(200, merged);

		const { output, error } = await run({
			operation: 'merge',
			intoContactUuid: 'con_keep',
			fromContactUuid: 'con_gone',
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].method).toBe('POST');
		expect(api.requests[0].path).toBe('/v1/contacts/con_keep/merge/con_gone');
		expect(api.requests[0].headers.authorization).toBe(BASIC);
		expect(api.requests[0].body ?? {}).toEqual({});
		expect(output).toEqual([{ json: merged, pairedItem: { item: 0 } }]);
	});

	test('merge of a contact into itself is refused before anything is sent', async () => {
		const api = fakeApi(HOST);
		const { error } = await run({
			operation: 'merge',
			intoContactUuid: 'con_1',
			fromContactUuid: ' con_1 ',
		});
		expect(error?.message).toBe('"Into Contact UUID" and "From Contact UUID" are the same contact');
		expect(api.requests).toHaveLength(0);
	});

	test('Limit 250 → two requests (200 + 50 with the cursor), 250 items', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/contacts')
			.query({ per_page: '200' })
			.reply(200, { entries: many(200, (i) => contact(`con_${i}`)), cursor: 'c2', has_more: true });
		api.scope
			.get('/v1/contacts')
			.query({ per_page: '50', cursor: 'c2' })
			.reply(200, {
				entries: many(200, (i) => contact(`con_${i}`), 200),
				cursor: 'c3',
				has_more: true,
			});

		const { output, error } = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 250,
			filters: {},
		});

		expect(error).toBeUndefined();
		expect(api.requests.map((r) => r.query)).toEqual([
			{ per_page: '200' },
			{ per_page: '50', cursor: 'c2' },
		]);
		expect(output).toHaveLength(250);
		expect(output[249].json.uuid).toBe('con_249');
		expect(output.every((o) => o.pairedItem && (o.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	test('Return All follows the cursor over 3 pages and keeps the filters on every page', async () => {
		const api = fakeApi(HOST);
		const filters = {
			customer_uuid: CUSTOMER,
			email: 'adam@example.com',
			data_source_uuid: DATA_SOURCE,
			customer_external_id: 'customer_001',
		};
		api.scope
			.get('/v1/contacts')
			.query({ ...filters, per_page: '200' })
			.reply(200, { entries: many(200, (i) => contact(`con_${i}`)), cursor: 'p2', has_more: true });
		api.scope
			.get('/v1/contacts')
			.query({ ...filters, per_page: '200', cursor: 'p2' })
			.reply(200, {
				entries: many(200, (i) => contact(`con_${i}`), 200),
				cursor: 'p3',
				has_more: true,
			});
		api.scope
			.get('/v1/contacts')
			.query({ ...filters, per_page: '200', cursor: 'p3' })
			.reply(200, {
				entries: many(17, (i) => contact(`con_${i}`), 400),
				cursor: null,
				has_more: false,
			});

		const { output, error } = await run({
			operation: 'getAll',
			returnAll: true,
			filters: {
				customerUuid: CUSTOMER,
				email: 'adam@example.com',
				dataSourceUuid: picked(DATA_SOURCE),
				customerExternalId: 'customer_001',
			},
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(3);
		for (const request of api.requests) {
			expect(request.path).toBe('/v1/contacts');
			expect(request.query).toMatchObject(filters);
			expect(request.headers.authorization).toBe(BASIC);
		}
		expect(api.requests.map((r) => r.query.cursor)).toEqual([undefined, 'p2', 'p3']);
		expect(output).toHaveLength(417);
		expect(new Set(output.map((o) => o.json.uuid)).size).toBe(417);
		expect(output.every((o) => (o.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('a 401 says to check the API key and never contains it', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/contacts/con_1')
			.reply(401, { code: 401, message: 'No valid API key provided', param: null });

		const { error, run: execution } = await run({ operation: 'get', contactUuid: 'con_1' });

		expect(api.requests).toHaveLength(1); // a 401 is not retried
		expect(error?.message).toBe('ChartMogul: No valid API key provided');
		expect(error?.description).toContain('Check the API key in the ChartMogul credential');
		expect(error?.description).toContain('Settings → Your Account → API Keys');
		const everything = JSON.stringify({
			message: error?.message,
			description: error?.description,
			context: error?.context,
			run: execution.data.resultData,
		});
		expect(everything).not.toContain(API_KEY);
		expect(everything).not.toContain(BASIC.slice('Basic '.length));
	});

	/** A contact list whose n-th answer (from 0) is `page(n)`, up to 50 of them. */
	const contactPages = (page: (n: number) => IDataObject) => {
		const api = fakeApi(HOST);
		let n = 0;
		api.scope
			.get('/v1/contacts')
			.query(true)
			.times(50)
			.reply(200, () => page(n++));
		return api;
	};

	test('a cursor that never moves on stops the list at the 2nd request with an error naming it and the page (#12.3: was followed ~100,000 times)', async () => {
		const api = contactPages((n) => ({
			entries: many(200, (i) => contact(`con_${i}`), 200 * n),
			cursor: 'stuck',
			has_more: true,
		}));

		const { output, error } = await run({ operation: 'getAll', returnAll: true, filters: {} });

		expect(api.requests.map((r) => r.query)).toEqual([
			{ per_page: '200' },
			{ per_page: '200', cursor: 'stuck' },
		]);
		expect(api.requests.every((r) => r.headers.authorization === BASIC)).toBe(true);
		expect(output).toEqual([]);
		expect(error?.message).toBe(
			'ChartMogul: the list GET /contacts was stopped at page 2 (per_page=200, cursor=stuck) returned the cursor "stuck" that page 1 (per_page=200) returned already: the list would never end',
		);
	});

	test('a server alternating between two pages with new cursors stops at the 3rd request, naming both pages (#26.5: was 10,000 pages)', async () => {
		const api = contactPages((n) => ({
			entries: many(200, (i) => contact(`con_${i}`), 200 * (n % 2)),
			cursor: `c${n + 1}`,
			has_more: true,
		}));

		const { output, error } = await run({ operation: 'getAll', returnAll: true, filters: {} });

		expect(api.requests.map((r) => r.query)).toEqual([
			{ per_page: '200' },
			{ per_page: '200', cursor: 'c1' },
			{ per_page: '200', cursor: 'c2' },
		]);
		expect(output).toEqual([]);
		expect(error?.message).toBe(
			'ChartMogul: the list GET /contacts was stopped at page 3 (per_page=200, cursor=c2) returned the same records as page 1 (per_page=200): the server came back to an earlier page, so the list would never end',
		);
	});
});
