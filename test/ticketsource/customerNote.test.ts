import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API_KEY, BASE, credentials, listApi, note } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject, items?: IDataObject[]) =>
	runNode({
		type: 'ticketSource',
		parameters: { resource: 'customerNote', ...parameters },
		credentials,
		items,
	});

const flatNote = (record: ReturnType<typeof note>) => ({ id: record.id, ...record.attributes });

describe('TicketSource customer note', () => {
	test('create posts a customer_note with description and created_by', async () => {
		const api = fakeApi(BASE);
		const record = note('csn-2', 'cst-1', 'This is a note about this customer');
		api.scope.post('/customers/cst-1/notes').reply(201, { data: record });

		const { output } = await run({
			operation: 'create',
			customerId: 'cst-1',
			description: 'This is a note about this customer',
			createdBy: 'My TicketSource Integration',
		});

		expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/customers/cst-1/notes' });
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(api.requests[0].body).toEqual({
			data: {
				type: 'customer_note',
				attributes: {
					description: 'This is a note about this customer',
					created_by: 'My TicketSource Integration',
				},
			},
		});
		expect(output).toEqual([{ json: flatNote(record), pairedItem: { item: 0 } }]);
	});

	test('get reads one note', async () => {
		const api = fakeApi(BASE);
		const record = note('csn-1', 'cst-1');
		api.scope.get('/customers/cst-1/notes/csn-1').reply(200, { data: record });

		const { output } = await run({ operation: 'get', customerId: 'cst-1', noteId: 'csn-1' });

		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /customers/cst-1/notes/csn-1',
		]);
		expect(output).toEqual([{ json: flatNote(record), pairedItem: { item: 0 } }]);
	});

	test('getAll for two customers pairs each note with the customer it came from', async () => {
		const api = fakeApi(BASE);
		const a = [note('csn-a1', 'cst-a'), note('csn-a2', 'cst-a')];
		const b = [note('csn-b1', 'cst-b')];
		listApi(api, '/customers/cst-a/notes', a);
		listApi(api, '/customers/cst-b/notes', b);

		const { output } = await run(
			{ operation: 'getAll', customerId: '={{ $json.customer }}', returnAll: true },
			[{ customer: 'cst-a' }, { customer: 'cst-b' }],
		);

		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['csn-a1', { item: 0 }],
			['csn-a2', { item: 0 }],
			['csn-b1', { item: 1 }],
		]);
	});

	test('getAll with a limit of 1 returns one note', async () => {
		const api = fakeApi(BASE);
		listApi(api, '/customers/cst-a/notes', [note('csn-1', 'cst-a'), note('csn-2', 'cst-a')]);

		const { output } = await run({
			operation: 'getAll',
			customerId: 'cst-a',
			returnAll: false,
			limit: 1,
		});

		expect(api.requests.map((r) => r.query)).toEqual([{ page: '1', per_page: '1' }]);
		expect(output.map((item) => item.json.id)).toEqual(['csn-1']);
	});

	test('delete outputs { deleted: true }', async () => {
		const api = fakeApi(BASE);
		api.scope.delete('/customers/cst-1/notes/csn-2').reply(204);

		const { output } = await run({ operation: 'delete', customerId: 'cst-1', noteId: 'csn-2' });

		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'DELETE /customers/cst-1/notes/csn-2',
		]);
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});
});
