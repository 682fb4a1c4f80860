import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASIC, CUSTOMER, HOST, credentials, many, note } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject, items?: IDataObject[]) =>
	runNode({
		type: 'chartMogul',
		parameters: { resource: 'customerNote', ...parameters },
		credentials,
		items,
	});

describe('ChartMogul customer note / call log', () => {
	test('create posts customer_uuid, type, text and the additional fields', async () => {
		const api = fakeApi(HOST);
		const record = note('note_1', { type: 'call', call_duration: 120, author: 'ann@example.com' });
		api.scope.post('/v1/customer_notes').reply(201, record);

		const { output, error } = await run({
			operation: 'create',
			customerUuid: CUSTOMER,
			type: 'call',
			text: 'Renewal call planned',
			additionalFields: {
				authorEmail: 'ann@example.com',
				callDuration: 120,
				createdAt: '2026-01-10T10:00:00Z',
			},
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/customer_notes');
		expect(request.headers.authorization).toBe(BASIC);
		expect(request.body).toEqual({
			customer_uuid: CUSTOMER,
			type: 'call',
			text: 'Renewal call planned',
			author_email: 'ann@example.com',
			call_duration: 120,
			created_at: '2026-01-10T10:00:00+00:00',
		});
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);
	});

	test('create without text (optional, as in chartmogul-go NewNote): no text is sent', async () => {
		const api = fakeApi(HOST);
		const record = note('note_2', { type: 'call', call_duration: 60, text: '' });
		api.scope.post('/v1/customer_notes').reply(201, record);

		const { output, error } = await run({
			operation: 'create',
			customerUuid: CUSTOMER,
			type: 'call',
			text: '',
			additionalFields: { callDuration: 60 },
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/v1/customer_notes' });
		expect(api.requests[0].headers.authorization).toBe(BASIC);
		expect(api.requests[0].body).toEqual({
			customer_uuid: CUSTOMER,
			type: 'call',
			call_duration: 60,
		});
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);
	});

	test('create refuses an invalid author email before sending', async () => {
		const api = fakeApi(HOST);
		const { error } = await run({
			operation: 'create',
			customerUuid: CUSTOMER,
			type: 'note',
			text: 'x',
			additionalFields: { authorEmail: 'ann at example' },
		});
		expect(error?.message).toBe('"Author Email" is not a valid e-mail address');
		expect(api.requests).toHaveLength(0);
	});

	test('get reads one note by UUID', async () => {
		const api = fakeApi(HOST);
		api.scope.get('/v1/customer_notes/note_1').reply(200, note('note_1'));

		const { output, error } = await run({ operation: 'get', noteUuid: 'note_1' });

		expect(error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/customer_notes/note_1',
		]);
		expect(output).toEqual([{ json: note('note_1'), pairedItem: { item: 0 } }]);
	});

	test('update patches only the given fields', async () => {
		const api = fakeApi(HOST);
		const record = note('note_1', { text: 'Call moved to Friday' });
		api.scope.patch('/v1/customer_notes/note_1').reply(200, record);

		const { output, error } = await run({
			operation: 'update',
			noteUuid: 'note_1',
			updateFields: { text: 'Call moved to Friday', updatedAt: '2026-01-11T09:00:00Z' },
		});

		expect(error).toBeUndefined();
		expect(api.requests[0].method).toBe('PATCH');
		expect(api.requests[0].path).toBe('/v1/customer_notes/note_1');
		expect(api.requests[0].body).toEqual({
			text: 'Call moved to Friday',
			updated_at: '2026-01-11T09:00:00+00:00',
		});
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);
	});

	test('delete outputs { deleted: true }', async () => {
		const api = fakeApi(HOST);
		api.scope.delete('/v1/customer_notes/note_1').reply(200, {});

		const { output, error } = await run({ operation: 'delete', noteUuid: 'note_1' });

		expect(error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'DELETE /v1/customer_notes/note_1',
		]);
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});

	test('Get Many pages with the cursor and keeps customer and type filters on every page', async () => {
		const api = fakeApi(HOST);
		const filters = { customer_uuid: CUSTOMER, type: 'call' };
		api.scope
			.get('/v1/customer_notes')
			.query({ ...filters, per_page: '200' })
			.reply(200, { entries: many(200, (i) => note(`note_${i}`)), cursor: 'n2', has_more: true });
		api.scope
			.get('/v1/customer_notes')
			.query({ ...filters, per_page: '200', cursor: 'n2' })
			.reply(200, {
				entries: many(3, (i) => note(`note_${i}`), 200),
				cursor: null,
				has_more: false,
			});

		const { output, error } = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { customerUuid: CUSTOMER, type: 'call' },
		});

		expect(error).toBeUndefined();
		expect(api.requests.map((r) => r.query)).toEqual([
			{ ...filters, per_page: '200' },
			{ ...filters, per_page: '200', cursor: 'n2' },
		]);
		expect(output.map((o) => o.json.uuid)).toEqual(many(203, (i) => `note_${i}`));
		expect(output.every((o) => (o.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Get Many with a limit below a page sends that page size and stops', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/customer_notes')
			.query({ per_page: '5' })
			.reply(200, { entries: many(5, (i) => note(`note_${i}`)), cursor: 'more', has_more: true });

		const { output, error } = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: {},
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(output).toHaveLength(5);
	});

	test('Get Many filters by author email (author_email), kept on every page', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get('/v1/customer_notes')
			.query(true)
			.reply(200, { entries: [note('note_1')], cursor: 'n2', has_more: true });
		api.scope
			.get('/v1/customer_notes')
			.query(true)
			.reply(200, { entries: [note('note_2')], cursor: null, has_more: false });
		const { output, error } = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { authorEmail: 'ann@example.com' },
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/v1/customer_notes', { author_email: 'ann@example.com', per_page: '200' }],
			[
				'GET',
				'/v1/customer_notes',
				{ author_email: 'ann@example.com', per_page: '200', cursor: 'n2' },
			],
		]);
		expect(output).toEqual([
			{ json: note('note_1'), pairedItem: { item: 0 } },
			{ json: note('note_2'), pairedItem: { item: 0 } },
		]);
	});
});
