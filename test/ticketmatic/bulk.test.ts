import { ExecuteContext } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { HOST, PREFIX, hmacCredentials, verifyHmac } from './fixtures';

afterEach(resetHttp);

const run = (parameters: Record<string, unknown>, items: IDataObject[], continueOnFail = false) =>
	runNode({
		type: 'ticketmatic',
		parameters: { resource: 'contact', ...parameters },
		credentials: hmacCredentials,
		items,
		continueOnFail,
	});

type Sent = Array<{ email: string; id?: number; firstname?: string }>;

/** Import answers like Ticketmatic: one { id, ok, error } per contact; addresses at "bad.example" are refused. */
function importReply(_uri: string, body: unknown) {
	return [
		200,
		(body as Sent).map((c) =>
			c.email.endsWith('@bad.example')
				? { id: 0, ok: false, error: 'Invalid e-mail' }
				: { id: c.id ?? 100000 + Number(c.email.split('@')[0].slice(1)), ok: true },
		),
	] as [number, unknown];
}

describe('Ticketmatic contact import', () => {
	test('2,500 items → 3 requests of 1000, 1000 and 500; outputs paired in input order', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/import`).times(3).reply(importReply);
		const items = Array.from({ length: 2500 }, (_, i) => ({
			email: `c${i}@example.com`,
			first: `F${i}`,
		}));
		const { output, error } = await run(
			{
				operation: 'import',
				email: '={{ $json.email }}',
				contactId: '',
				additionalFields: { firstName: '={{ $json.first }}' },
			},
			items,
		);
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(3);
		expect(api.requests.map((r) => (r.body as Sent).length).sort((a, b) => b - a)).toEqual([
			1000, 1000, 500,
		]);
		const sent = api.requests.flatMap((r) => r.body as Sent);
		expect(sent.map((c) => c.email).sort()).toEqual(items.map((i) => i.email).sort());
		expect(sent.find((c) => c.email === 'c7@example.com')).toEqual({
			email: 'c7@example.com',
			firstname: 'F7',
		});
		expect(
			api.requests.every((r) => r.method === 'POST' && verifyHmac(r.headers.authorization).ok),
		).toBe(true);
		expect(output).toHaveLength(2500);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toEqual({ id: 100000 + index, ok: true });
		});
	});

	test('a bad account name stops the bulk operation before anything is sent', async () => {
		const api = fakeApi(HOST);
		api.scope.post(/.*/).reply(200, []);
		const { error } = await runNode({
			type: 'ticketmatic',
			parameters: {
				resource: 'contact',
				operation: 'import',
				email: 'c1@example.com',
				additionalFields: {},
			},
			credentials: { ticketmaticApi: { ...hmacCredentials.ticketmaticApi, accountName: 'a b' } },
		});
		expect(api.requests).toHaveLength(0);
		expect(error?.message).toMatch(/account name "a b" is not valid/);
	});

	test('contact ids already reserved ("Already Reserved"): sent as numbers, nothing reserved', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/import`).reply(importReply);
		const { output } = await run(
			{
				operation: 'import',
				email: 'c1@example.com',
				contactId: '9364924',
				additionalFields: {},
				options: { contactIdRange: 'alreadyReserved' },
			},
			[{}],
		);
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${PREFIX}/contacts/import`,
		]);
		expect(api.requests[0].body).toEqual([{ id: 9364924, email: 'c1@example.com' }]);
		expect(output).toEqual([{ json: { id: 9364924, ok: true }, pairedItem: { item: 0 } }]);
	});

	test('"Reserve Before Import": POST /contacts/import/reserve up to the highest given id, then the import', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/import/reserve`).reply(200, { id: 9364930 });
		api.scope.post(`${PREFIX}/contacts/import`).reply(importReply);
		const items = [
			{ id: '9364924', email: 'c1@example.com' },
			{ id: '', email: 'c2@example.com' },
			{ id: '9364930', email: 'c3@example.com' },
		];
		const { output, error } = await run(
			{
				operation: 'import',
				email: '={{ $json.email }}',
				contactId: '={{ $json.id }}',
				additionalFields: {},
				options: { contactIdRange: 'reserve' },
			},
			items,
		);
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${PREFIX}/contacts/import/reserve`,
			`POST ${PREFIX}/contacts/import`,
		]);
		expect(api.requests[0].body).toEqual({ id: 9364930 });
		expect(api.requests.every((r) => verifyHmac(r.headers.authorization).ok)).toBe(true);
		expect(api.requests[1].body).toEqual([
			{ id: 9364924, email: 'c1@example.com' },
			{ email: 'c2@example.com' },
			{ id: 9364930, email: 'c3@example.com' },
		]);
		expect(output.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ id: 9364924, ok: true }, { item: 0 }],
			[{ id: 100002, ok: true }, { item: 1 }],
			[{ id: 9364930, ok: true }, { item: 2 }],
		]);
	});

	test("a failed reservation imports nothing of that request: each item fails with Ticketmatic's message", async () => {
		const api = fakeApi(HOST);
		api.scope
			.post(`${PREFIX}/contacts/import/reserve`)
			.reply(400, { code: 400, message: 'Invalid id' });
		api.scope.post(`${PREFIX}/contacts/import`).optionally().reply(importReply);
		const { output } = await run(
			{
				operation: 'import',
				email: 'c1@example.com',
				contactId: '5',
				additionalFields: {},
				options: { contactIdRange: 'reserve' },
			},
			[{}],
			true,
		);
		expect(api.requests.map((r) => r.path)).toEqual([`${PREFIX}/contacts/import/reserve`]);
		expect(output).toEqual([
			expect.objectContaining({
				json: { error: 'Ticketmatic: Invalid id' },
				pairedItem: { item: 0 },
			}),
		]);
	});

	test('a contact id without "Contact ID Range" is refused before sending, saying how to fix it; the other items are imported', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/import`).reply(importReply);
		const items = [
			{ id: '9364924', email: 'c1@example.com' },
			{ id: '', email: 'c2@example.com' },
		];
		const { output } = await run(
			{
				operation: 'import',
				email: '={{ $json.email }}',
				contactId: '={{ $json.id }}',
				additionalFields: {},
			},
			items,
			true,
		);
		expect(api.requests.map((r) => r.path)).toEqual([`${PREFIX}/contacts/import`]);
		expect(api.requests[0].body).toEqual([{ email: 'c2@example.com' }]);
		expect(output[0].json.error).toBe(
			'Contact ID 9364924 needs a reserved ID range, so nothing was sent for this item',
		);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect((output[0].error as { description?: string }).description).toMatch(
			/Add the option "Contact ID Range"/,
		);
		expect(output[1]).toEqual({ json: { id: 100002, ok: true }, pairedItem: { item: 1 } });
	});

	test('contacts without an e-mail address are imported too (tm-go TestImport): no email is sent', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/import`).reply(200, [{ id: 500, ok: true }]);
		const { output, error } = await run(
			{
				operation: 'import',
				email: '',
				additionalFields: { firstName: 'Test', lastName: 'Mc Cheer' },
			},
			[{}],
		);
		expect(error).toBeUndefined();
		expect(api.requests[0].body).toEqual([{ firstname: 'Test', lastname: 'Mc Cheer' }]);
		expect(output).toEqual([{ json: { id: 500, ok: true }, pairedItem: { item: 0 } }]);
	});

	test('vendor ok:false → that item goes to the error output (continue on fail), the others are stored', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/import`).reply(importReply);
		const items = [
			{ email: 'c0@example.com' },
			{ email: 'x@bad.example' },
			{ email: 'c2@example.com' },
		];
		const result = await runNode({
			type: 'ticketmatic',
			parameters: {
				resource: 'contact',
				operation: 'import',
				email: '={{ $json.email }}',
				additionalFields: {},
			},
			credentials: hmacCredentials,
			items,
			onError: 'continueErrorOutput',
		});
		expect(api.requests).toHaveLength(1);
		expect(result.output.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ id: 100000, ok: true }, { item: 0 }],
			[{ id: 100002, ok: true }, { item: 2 }],
		]);
		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].pairedItem).toEqual({ item: 1 });
		// n8n's error output carries the error message (the engine rebuilds the json of an error item).
		expect(result.errorOutput[0].json.error).toBe(
			'Ticketmatic did not import the contact: Invalid e-mail',
		);
	});

	test('vendor ok:false without continue on fail: the node fails after sending everything, naming the item', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/import`).reply(importReply);
		const items = [{ email: 'c0@example.com' }, { email: 'x@bad.example' }];
		const { error } = await run(
			{ operation: 'import', email: '={{ $json.email }}', additionalFields: {} },
			items,
		);
		expect(api.requests).toHaveLength(1);
		expect(error?.message).toBe('1 of 2 contacts failed');
		expect(error?.description).toMatch(
			/item 1: Ticketmatic did not import the contact: Invalid e-mail/,
		);
		expect(error?.description).toMatch(/other 1 contacts were stored/);
	});
});

describe('Ticketmatic relation types on contacts (batch)', () => {
	test('addRelationTypes for 1,500 contacts → 2 batch requests with the right ids', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/batch`).times(2).reply(200, '');
		const items = Array.from({ length: 1500 }, (_, i) => ({ id: 20000 + i }));
		const { output, error } = await run(
			{ operation: 'addRelationTypes', contactId: '={{ $json.id }}', relationTypeIds: [2, 1] },
			items,
		);
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(2);
		const bodies = api.requests.map(
			(r) => r.body as { ids: number[]; operation: string; parameters: { ids: number[] } },
		);
		bodies.sort((a, b) => a.ids[0] - b.ids[0]);
		expect(bodies[0].ids).toEqual(items.slice(0, 1000).map((i) => i.id));
		expect(bodies[1].ids).toEqual(items.slice(1000).map((i) => i.id));
		for (const body of bodies) {
			expect(body.operation).toBe('addrelationtypes');
			expect(body.parameters).toEqual({ ids: [1, 2] });
		}
		expect(output).toHaveLength(1500);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toEqual({ contactId: 20000 + index, relationTypeIds: [1, 2] });
		});
	});

	test('removeRelationTypes groups items by their relation types', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/batch`).times(2).reply(200, '');
		const items = [
			{ id: 1, types: '3' },
			{ id: 2, types: '4, 5' },
			{ id: 3, types: '3' },
		];
		const { output } = await run(
			{
				operation: 'removeRelationTypes',
				contactId: '={{ $json.id }}',
				relationTypeIds: '={{ $json.types }}',
			},
			items,
		);
		const bodies = api.requests
			.map((r) => r.body)
			.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
		expect(bodies).toEqual([
			{ ids: [1, 3], operation: 'removerelationtypes', parameters: { ids: [3] } },
			{ ids: [2], operation: 'removerelationtypes', parameters: { ids: [4, 5] } },
		]);
		expect(output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('zero contact ids → no request at all and a clear error', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/batch`).reply(200, '');
		const { error, output } = await run(
			{ operation: 'addRelationTypes', contactId: '={{ $json.id }}', relationTypeIds: [1] },
			[{ id: '' }, {}],
		);
		expect(api.requests).toHaveLength(0);
		expect(output).toEqual([]);
		expect(error?.message).toBe('2 of 2 contacts failed');
		expect(error?.description).toMatch(
			/item 0: "Contact ID" is empty, so nothing was sent for this item/,
		);
		expect(error?.description).toMatch(/item 1: "Contact ID" is empty/);
	});

	test('no relation type → no request and a clear error for that item; the others are sent', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/batch`).reply(200, '');
		const { output } = await run(
			{
				operation: 'addRelationTypes',
				contactId: '={{ $json.id }}',
				relationTypeIds: '={{ $json.types }}',
			},
			[
				{ id: 5, types: [] },
				{ id: 6, types: [1] },
			],
			true,
		);
		expect(api.requests.map((r) => r.body)).toEqual([
			{ ids: [6], operation: 'addrelationtypes', parameters: { ids: [1] } },
		]);
		expect(output[0].json.error).toBe(
			'No relation type selected, so nothing was sent for this item',
		);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[1]).toEqual({
			json: { contactId: 6, relationTypeIds: [1] },
			pairedItem: { item: 1 },
		});
	});
});

describe('Ticketmatic contact subscribe / unsubscribe (batch)', () => {
	test('subscribe 2,500 contacts → 3 batch requests of 1000, 1000 and 500 ids; one output item per input item', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/batch`).times(3).reply(200, '');
		const items = Array.from({ length: 2500 }, (_, i) => ({ id: 50000 + i }));
		const { output, error } = await run(
			{ operation: 'subscribe', contactId: '={{ $json.id }}' },
			items,
		);
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(3);
		expect(
			api.requests.every(
				(r) =>
					r.method === 'POST' &&
					r.path === `${PREFIX}/contacts/batch` &&
					verifyHmac(r.headers.authorization).ok,
			),
		).toBe(true);
		const bodies = api.requests.map(
			(r) => r.body as { ids: number[]; operation: string; parameters?: unknown },
		);
		bodies.sort((a, b) => a.ids[0] - b.ids[0]);
		expect(bodies.map((b) => b.ids.length)).toEqual([1000, 1000, 500]);
		expect(bodies.flatMap((b) => b.ids)).toEqual(items.map((i) => i.id));
		for (const body of bodies) expect(Object.keys(body).sort()).toEqual(['ids', 'operation']);
		expect(bodies.every((b) => b.operation === 'subscribe')).toBe(true);
		expect(output).toHaveLength(2500);
		output.forEach((item, index) => {
			expect(item).toEqual({
				json: { contactId: 50000 + index, subscribed: true },
				pairedItem: { item: index },
			});
		});
	});

	test('unsubscribe sends operation "unsubscribe" with only the ids', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/batch`).reply(200, '');
		const { output } = await run({ operation: 'unsubscribe', contactId: '={{ $json.id }}' }, [
			{ id: 7 },
			{ id: '8' },
		]);
		expect(api.requests.map((r) => r.body)).toEqual([{ ids: [7, 8], operation: 'unsubscribe' }]);
		expect(output).toEqual([
			{ json: { contactId: 7, subscribed: false }, pairedItem: { item: 0 } },
			{ json: { contactId: 8, subscribed: false }, pairedItem: { item: 1 } },
		]);
	});

	test('items without a contact id are never sent (a batch without ids would touch every contact)', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/batch`).reply(200, '');
		const { error, output } = await run(
			{ operation: 'unsubscribe', contactId: '={{ $json.id }}' },
			[{ id: '' }, {}, { id: ' ' }],
		);
		expect(api.requests).toHaveLength(0);
		expect(output).toEqual([]);
		expect(error?.message).toBe('3 of 3 contacts failed');
		expect(error?.description).toMatch(
			/item 0: "Contact ID" is empty, so nothing was sent for this item/,
		);
	});

	test('continue on fail: a bad id fails its own item, the others are subscribed in one request', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/batch`).reply(200, '');
		const { output } = await run(
			{ operation: 'subscribe', contactId: '={{ $json.id }}' },
			[{ id: 1 }, { id: 'abc' }, { id: '' }, { id: 3 }],
			true,
		);
		expect(api.requests.map((r) => r.body)).toEqual([{ ids: [1, 3], operation: 'subscribe' }]);
		expect(output.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(output[0].json).toEqual({ contactId: 1, subscribed: true });
		expect(output[1].json.error).toMatch(/Contact ID/);
		expect(output[2].json.error).toBe('"Contact ID" is empty, so nothing was sent for this item');
		expect(output[3].json).toEqual({ contactId: 3, subscribed: true });
	});
});

describe('Ticketmatic bulk: chunks overlap within the in-flight cap (4)', () => {
	const importItems = (n: number) =>
		Array.from({ length: n }, (_, i) => ({ email: `c${i}@example.com` }));
	const importParameters = {
		operation: 'import',
		email: '={{ $json.email }}',
		contactId: '',
		additionalFields: {},
	};

	test('5,500 contacts: 6 requests, 4 open at once at the vendor (counted), answered out of order; results in input order', async () => {
		const api = fakeApi(HOST);
		let open = 0;
		let most = 0;
		let received = 0;
		const held: Array<() => void> = [];
		api.scope
			.post(`${PREFIX}/contacts/import`)
			.times(6)
			.reply(async (uri, body) => {
				received++;
				open++;
				most = Math.max(most, open);
				// Each answer waits until 4 are open (or the last request came), then they are answered last first.
				await new Promise<void>((resolve) => {
					held.push(resolve);
					if (held.length === 4 || received === 6) while (held.length) held.pop()!();
				});
				open--;
				return importReply(uri, body);
			});
		const items = importItems(5500);
		const { output, error } = await run(importParameters, items);
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(6);
		expect(most).toBe(4);
		expect(api.requests.map((r) => (r.body as Sent)[0].email)).toEqual(
			[0, 1000, 2000, 3000, 4000, 5000].map((i) => `c${i}@example.com`),
		);
		expect(output).toHaveLength(5500);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toEqual({ id: 100000 + index, ok: true });
		});
	});

	test('a request whose answer is lost is not sent again: its 1000 items are unknown, naming the request; the others are imported', async () => {
		const api = fakeApi(HOST);
		api.scope
			.post(
				`${PREFIX}/contacts/import`,
				(body: Sent) => Array.isArray(body) && body[0].email === 'c1000@example.com',
			)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		api.scope.post(`${PREFIX}/contacts/import`).times(3).reply(importReply);
		const items = importItems(2500);
		const { output } = await run(importParameters, items, true);
		// Three chunks, each sent once: the lost one is not sent again (nock has an answer left for it).
		expect(api.requests.map((r) => (r.body as Sent)[0].email)).toEqual([
			'c0@example.com',
			'c1000@example.com',
			'c2000@example.com',
		]);
		expect(output).toHaveLength(2500);
		expect(output[999].json).toEqual({ id: 100999, ok: true });
		for (const index of [1000, 1999]) {
			expect(output[index].json).toEqual({
				error:
					'Unknown: check before re-running (bulk request 2 of 3 (1000 contacts: items 1000 to 1999))',
			});
			expect(output[index].pairedItem).toEqual({ item: index });
		}
		expect((output[1000].error as { description?: string }).description).toMatch(
			/was lost after it was sent, so the vendor may have stored it\. It was not sent again.*Could not reach Ticketmatic: the connection was reset/,
		);
		expect(output[2000].json).toEqual({ id: 102000, ok: true });
	});
});

describe('Ticketmatic bulk: item parameters', () => {
	afterEach(() => jest.restoreAllMocks());

	test('a parameter without an expression is resolved once per run, one with an expression once per item; each item gets its own copy', async () => {
		// n8n-core binds getNodeParameter per context; each call resolves through _getNodeParameter.
		const resolved = jest.spyOn(
			ExecuteContext.prototype as unknown as { _getNodeParameter: (name: string) => unknown },
			'_getNodeParameter',
		);
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts/import`).times(2).reply(importReply);
		const items = Array.from({ length: 1500 }, (_, i) => ({ email: `c${i}@example.com` }));
		const { output, error } = await run(
			{
				operation: 'import',
				email: '={{ $json.email }}',
				contactId: '',
				additionalFields: { firstName: 'Fixed' },
			},
			items,
		);
		expect(error).toBeUndefined();
		const calls = (name: string) => resolved.mock.calls.filter(([n]) => n === name).length;
		expect(calls('email')).toBe(1500);
		expect(calls('additionalFields')).toBe(1);
		expect(calls('contactId')).toBe(1);
		const sent = api.requests.flatMap((r) => r.body as Sent);
		expect(sent).toHaveLength(1500);
		expect(sent.every((c, i) => c.firstname === 'Fixed' && c.email === `c${i}@example.com`)).toBe(
			true,
		);
		expect(output).toHaveLength(1500);
	});
});
