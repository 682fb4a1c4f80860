/** Version 2: contact and relation type are resource locators, contact reads have Simplify, Order By is an option. */
import type { IDataObject } from 'n8n-workflow';

import { runListSearch, runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { HOST, PREFIX, contact, hmacCredentials, verifyHmac } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject, typeVersion = 2) =>
	runNode({ type: 'ticketmatic', typeVersion, parameters, credentials: hmacCredentials });
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

const full = (id: number) =>
	contact(id, {
		company: 'Mega Corp',
		addresses: [{ city: 'Leuven' }],
		phonenumbers: [{ number: '+32' }],
		c_shoe: '42',
	});
const SIMPLE = ['id', 'firstname', 'lastname', 'email', 'company', 'relationtypes', 'lastupdatets'];
const simple = (id: number) =>
	Object.fromEntries(SIMPLE.map((key) => [key, (full(id) as IDataObject)[key]]));

describe('Ticketmatic version 2', () => {
	test.each([
		['list', '10001'],
		['id', ' 10001 '],
	])(
		'contact get: a %s locator value goes into the path, Simplify (default) keeps the listed fields',
		async (mode, value) => {
			const api = fakeApi(HOST);
			api.scope.get(`${PREFIX}/contacts/10001`).reply(200, full(10001));

			const { output, error } = await run({
				resource: 'contact',
				operation: 'get',
				contactId: locator(mode, value),
			});

			expect(error).toBeUndefined();
			expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
				`GET ${PREFIX}/contacts/10001`,
			]);
			expect(verifyHmac(api.requests[0].headers.authorization).ok).toBe(true);
			expect(output).toEqual([{ json: simple(10001), pairedItem: { item: 0 } }]);
		},
	);

	test('contact get by email with Simplify off returns the full record', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${PREFIX}/contacts/0`).query({ email: 'john@example.com' }).reply(200, full(7));

		const { output } = await run({
			resource: 'contact',
			operation: 'getByEmail',
			email: 'john@example.com',
			simplify: false,
		});

		expect(output).toEqual([{ json: full(7), pairedItem: { item: 0 } }]);
	});

	test('contact get many: Order By under Options is sent as orderby; records simplified', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/contacts`)
			.query(true)
			.reply(200, { data: [full(1), full(2)], nbrofresults: 2 });

		const { output } = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { searchTerm: 'john' },
			options: { orderBy: 'lastupdatets' },
		});

		expect(api.requests[0].query).toMatchObject({
			orderby: 'lastupdatets',
			searchterm: 'john',
			offset: '0',
		});
		expect(output.map((item) => item.json)).toEqual([simple(1), simple(2)]);
	});

	test('version 1: Order By among the filters is still sent, records are not simplified', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/contacts`)
			.query(true)
			.reply(200, { data: [full(1)], nbrofresults: 1 });

		const { output } = await run(
			{
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				filters: { orderBy: 'createdts' },
			},
			1,
		);

		expect(api.requests[0].query).toMatchObject({ orderby: 'createdts' });
		expect(output).toEqual([{ json: full(1), pairedItem: { item: 0 } }]);
	});

	test('remark create and contact batch read the contact locator value', async () => {
		const api = fakeApi(HOST);
		api.scope
			.post(`${PREFIX}/contacts/10001/remarks`)
			.reply(200, { id: 5, content: 'Hi', pinned: false });
		api.scope.post(`${PREFIX}/contacts/batch`).reply(200);

		const remark = await run({
			resource: 'remark',
			operation: 'create',
			contactId: locator('list', '10001'),
			content: 'Hi',
		});
		const batch = await run({
			resource: 'contact',
			operation: 'subscribe',
			contactId: locator('id', '10001'),
		});

		expect(remark.error).toBeUndefined();
		expect(batch.error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${PREFIX}/contacts/10001/remarks`,
			`POST ${PREFIX}/contacts/batch`,
		]);
		expect(api.requests[1].body).toEqual({ ids: [10001], operation: 'subscribe' });
	});

	test('relation type get: the locator value goes into the path', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${PREFIX}/settings/system/relationtypes/2`).reply(200, { id: 2, name: 'VIP' });

		const { output } = await run({
			resource: 'relationType',
			operation: 'get',
			relationTypeId: locator('list', '2'),
		});

		expect(output).toEqual([{ json: { id: 2, name: 'VIP' }, pairedItem: { item: 0 } }]);
	});
});

describe('Ticketmatic locator lists', () => {
	test("contacts: the typed text is Ticketmatic's searchterm; the next offset is the token while more remain", async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/contacts`)
			.query({ limit: '50', offset: '50', orderby: 'name', searchterm: 'doe' })
			.reply(200, { data: [contact(3, { firstname: 'Jane' }), contact(4)], nbrofresults: 120 });

		const result = await runListSearch({
			type: 'ticketmatic',
			typeVersion: 2,
			method: 'searchContacts',
			credentials: hmacCredentials,
			filter: ' doe ',
			paginationToken: '50',
		});

		expect(verifyHmac(api.requests[0].headers.authorization).ok).toBe(true);
		expect(result).toEqual({
			results: [
				{ name: 'Jane Doe (john3@example.com)', value: '3' },
				{ name: 'John Doe (john4@example.com)', value: '4' },
			],
			paginationToken: '52',
		});
	});

	test("relation types: the account's relation types by name, archived ones left out", async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${PREFIX}/settings/system/relationtypes`).reply(200, {
			data: [
				{ id: 2, name: 'VIP', isarchived: false },
				{ id: 1, name: 'Press', isarchived: false },
				{ id: 3, name: 'Old', isarchived: true },
			],
		});

		const result = await runListSearch({
			type: 'ticketmatic',
			typeVersion: 2,
			method: 'searchRelationTypes',
			credentials: hmacCredentials,
		});

		expect(result).toEqual({
			results: [
				{ name: 'Press', value: '1' },
				{ name: 'VIP', value: '2' },
			],
		});
	});
});
