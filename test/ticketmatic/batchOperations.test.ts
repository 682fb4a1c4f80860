/** Update Many, Merge and Delete Many: POST /contacts/batch, never without ids, one result per input item. */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { HOST, PREFIX, hmacCredentials, verifyHmac } from './fixtures';

afterEach(resetHttp);

const run = (
	parameters: Record<string, unknown>,
	items: IDataObject[],
	options: { continueOnFail?: boolean; typeVersion?: number } = {},
) =>
	runNode({
		type: 'ticketmatic',
		parameters: { resource: 'contact', ...parameters },
		credentials: hmacCredentials,
		items,
		continueOnFail: options.continueOnFail ?? false,
		...(options.typeVersion ? { typeVersion: options.typeVersion } : {}),
	});

type Batch = { ids: number[]; operation: string; parameters?: IDataObject };
const BATCH = `${PREFIX}/contacts/batch`;
const row = (key: string, value: string, updateType = 'set') => ({ key, updateType, value });

describe('Ticketmatic contact: Update Many', () => {
	test('2,500 contacts with the same change → 3 requests of 1000, 1000 and 500 ids; one output per item', async () => {
		const api = fakeApi(HOST);
		api.scope.post(BATCH).times(3).reply(200, '');
		const items = Array.from({ length: 2500 }, (_, i) => ({ id: 70000 + i }));
		const { output, error } = await run(
			{
				operation: 'updateMany',
				contactId: '={{ $json.id }}',
				fields: {
					field: [
						row('c_membership', 'gold'),
						row('customertitleid', '3'),
						row('languagecode', 'NL'),
					],
				},
			},
			items,
		);
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(3);
		const bodies = api.requests.map((r) => r.body as Batch);
		expect(bodies.map((b) => b.ids.length).sort((a, b) => b - a)).toEqual([1000, 1000, 500]);
		expect(bodies.flatMap((b) => b.ids).sort((a, b) => a - b)).toEqual(items.map((i) => i.id));
		const updatefields = [
			{ key: 'c_membership', updatetype: 'set', value: 'gold' },
			{ key: 'customertitleid', updatetype: 'set', value: 3 },
			{ key: 'languagecode', updatetype: 'set', value: 'NL' },
		];
		for (const body of bodies) {
			expect(body.operation).toBe('update');
			expect(body.parameters).toEqual({ updatefields });
		}
		expect(
			api.requests.every(
				(r) => r.method === 'POST' && r.path === BATCH && verifyHmac(r.headers.authorization).ok,
			),
		).toBe(true);
		expect(output).toHaveLength(2500);
		output.forEach((item, index) => {
			expect(item).toEqual({
				json: { contactId: 70000 + index, updatefields },
				pairedItem: { item: index },
			});
		});
	});

	test('items with different changes go in different requests; a key without "c_" gets it; add and remove', async () => {
		const api = fakeApi(HOST);
		api.scope.post(BATCH).times(2).reply(200, '');
		const { output } = await run(
			{
				operation: 'updateMany',
				contactId: '={{ $json.id }}',
				fields: {
					field: [{ key: '={{ $json.key }}', updateType: '={{ $json.how }}', value: 'x' }],
				},
			},
			[
				{ id: 1, key: 'tags', how: 'add' },
				{ id: 2, key: 'c_tags', how: 'remove' },
				{ id: 3, key: 'tags', how: 'add' },
			],
		);
		expect(api.requests.map((r) => r.body as Batch).sort((a, b) => a.ids[0] - b.ids[0])).toEqual([
			{
				ids: [1, 3],
				operation: 'update',
				parameters: { updatefields: [{ key: 'c_tags', updatetype: 'add', value: 'x' }] },
			},
			{
				ids: [2],
				operation: 'update',
				parameters: { updatefields: [{ key: 'c_tags', updatetype: 'remove', value: 'x' }] },
			},
		]);
		expect(output.map((item) => [item.json.contactId, item.pairedItem])).toEqual([
			[1, { item: 0 }],
			[2, { item: 1 }],
			[3, { item: 2 }],
		]);
	});

	test('bad items are refused before sending ("Not sent: …"); the good one is sent alone', async () => {
		const api = fakeApi(HOST);
		api.scope.post(BATCH).reply(200, '');
		const { output } = await run(
			{
				operation: 'updateMany',
				contactId: '={{ $json.id }}',
				fields: {
					field: [{ key: '={{ $json.key }}', updateType: 'set', value: '={{ $json.value }}' }],
				},
			},
			[
				{ id: 1, key: 'c_level', value: '2' },
				{ id: 3, key: 'first name', value: 'Ada' },
				{ id: '', key: 'c_level', value: '2' },
				{ id: 5, key: 'customertitleid', value: 'Mr' },
			],
			{ continueOnFail: true },
		);
		expect(api.requests.map((r) => r.body)).toEqual([
			{
				ids: [1],
				operation: 'update',
				parameters: { updatefields: [{ key: 'c_level', updatetype: 'set', value: '2' }] },
			},
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(output[0].json).toEqual({
			contactId: 1,
			updatefields: [{ key: 'c_level', updatetype: 'set', value: '2' }],
		});
		expect(output[1].json.error).toBe('Not sent: field "first name" cannot be updated in a batch');
		expect(output[2].json.error).toMatch(/"Contact ID" is empty, so nothing was sent/);
		expect(output[3].json.error).toMatch(/Customer Title/);
	});

	test('an item without fields to update is refused before sending', async () => {
		const api = fakeApi(HOST);
		api.scope.post(BATCH).reply(200, '');
		const { error } = await run({ operation: 'updateMany', contactId: '4', fields: {} }, [{}]);
		expect(api.requests).toHaveLength(0);
		expect(error?.description).toMatch(/item 0: Not sent: no field to update/);
	});
});

describe('Ticketmatic contact: Merge', () => {
	test('each item one merge: { ids, operation: "merge", parameters: { primary } }; the output names what went into what', async () => {
		const api = fakeApi(HOST);
		api.scope.post(BATCH).times(2).reply(200, '');
		const { output, error } = await run(
			{
				operation: 'merge',
				primaryContactId: '={{ $json.keep }}',
				contactIds: '={{ $json.duplicates }}',
			},
			[
				{ keep: 10001, duplicates: '10002, 10003' },
				{ keep: 10001, duplicates: [10004] },
			],
		);
		expect(error).toBeUndefined();
		expect(
			api.requests
				.map((r) => [r.method, r.path, r.body])
				.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
		).toEqual([
			['POST', BATCH, { ids: [10002, 10003], operation: 'merge', parameters: { primary: 10001 } }],
			['POST', BATCH, { ids: [10004], operation: 'merge', parameters: { primary: 10001 } }],
		]);
		expect(output).toEqual([
			{
				json: { primaryContactId: 10001, mergedContactIds: [10002, 10003] },
				pairedItem: { item: 0 },
			},
			{ json: { primaryContactId: 10001, mergedContactIds: [10004] }, pairedItem: { item: 1 } },
		]);
	});

	test('version 2: the primary contact is a locator; the primary among the ids is not sent as a duplicate', async () => {
		const api = fakeApi(HOST);
		api.scope.post(BATCH).reply(200, '');
		const { output } = await run(
			{
				operation: 'merge',
				primaryContactId: { __rl: true, mode: 'list', value: '7' },
				contactIds: '7, 8, 8',
			},
			[{}],
			{ typeVersion: 2 },
		);
		expect(api.requests.map((r) => r.body)).toEqual([
			{ ids: [8], operation: 'merge', parameters: { primary: 7 } },
		]);
		expect(output[0].json).toEqual({ primaryContactId: 7, mergedContactIds: [8] });
	});

	test('a merge without other contacts, or with a bad id, is never sent', async () => {
		const api = fakeApi(HOST);
		api.scope.post(BATCH).reply(200, '');
		const { output } = await run(
			{
				operation: 'merge',
				primaryContactId: '={{ $json.keep }}',
				contactIds: '={{ $json.duplicates }}',
			},
			[
				{ keep: 1, duplicates: '' },
				{ keep: 1, duplicates: '1' },
				{ keep: 1, duplicates: '2, x/3' },
				{ keep: '', duplicates: '2' },
			],
			{ continueOnFail: true },
		);
		expect(api.requests).toHaveLength(0);
		expect(output.map((item) => item.json.error)).toEqual([
			'Not sent: no contact to merge into the primary contact',
			'Not sent: no contact to merge into the primary contact',
			expect.stringMatching(/Contact IDs/),
			expect.stringMatching(/"Primary Contact" is empty/),
		]);
	});
});

describe('Ticketmatic contact: Delete Many', () => {
	test('{ ids, operation: "delete" } in one request; each item { contactId, deleted: true }', async () => {
		const api = fakeApi(HOST);
		api.scope.post(BATCH).reply(200, '');
		const { output, error } = await run({ operation: 'deleteMany', contactId: '={{ $json.id }}' }, [
			{ id: 5 },
			{ id: '6' },
			{ id: 7 },
		]);
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', BATCH, { ids: [5, 6, 7], operation: 'delete' }],
		]);
		expect(output).toEqual(
			[5, 6, 7].map((contactId, item) => ({
				json: { contactId, deleted: true },
				pairedItem: { item },
			})),
		);
	});

	test('an item without a contact id fails the run before anything is sent for it; the others are archived', async () => {
		const api = fakeApi(HOST);
		api.scope.post(BATCH).reply(200, '');
		const { error } = await run({ operation: 'deleteMany', contactId: '={{ $json.id }}' }, [
			{ id: 5 },
			{ id: ' ' },
		]);
		expect(api.requests.map((r) => r.body)).toEqual([{ ids: [5], operation: 'delete' }]);
		expect(error?.message).toBe('1 of 2 contacts failed');
		expect(error?.description).toMatch(/item 1: "Contact ID" is empty/);
	});
});
