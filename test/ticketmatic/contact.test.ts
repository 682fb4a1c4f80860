import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { HOST, PREFIX, contact, hmacCredentials, verifyHmac } from './fixtures';

afterEach(resetHttp);

const run = (parameters: Record<string, unknown>, items?: IDataObject[], continueOnFail = false) =>
	runNode({
		type: 'ticketmatic',
		parameters: { resource: 'contact', ...parameters },
		credentials: hmacCredentials,
		items,
		continueOnFail,
	});

describe('Ticketmatic contact', () => {
	test('create maps the fields to Ticketmatic names, custom fields as c_<key>', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts`).reply(200, contact(10001));
		const { output, error } = await run({
			operation: 'create',
			email: 'developers@ticketmatic.com',
			additionalFields: {
				firstName: 'John',
				lastName: 'Doe',
				middleName: 'K',
				company: 'Mega Corp',
				birthdate: '1986-09-26',
				languageCode: 'NL',
				organizationFunction: 'Director of ticketing',
				vatNumber: 'BE123456789',
				customerTitleId: 12,
				addresses: {
					address: [
						{ typeId: 1, street1: 'Main street', zip: '3000', city: 'Leuven', countryCode: 'BE' },
					],
				},
				phoneNumbers: { phoneNumber: [{ typeId: 3, number: '+3216881940' }] },
				relationTypeIds: [2, 1],
				optIns: { optIn: [{ optInId: 827, status: 7602, method: 'boxoffice', remarks: '' }] },
				customFields: {
					field: [
						{ key: 'membership', value: 'gold' },
						{ key: 'c_shoe', value: '42' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${PREFIX}/contacts`);
		expect(verifyHmac(request.headers.authorization).ok).toBe(true);
		expect(request.body).toEqual({
			email: 'developers@ticketmatic.com',
			firstname: 'John',
			lastname: 'Doe',
			middlename: 'K',
			company: 'Mega Corp',
			birthdate: '1986-09-26',
			languagecode: 'NL',
			organizationfunction: 'Director of ticketing',
			vatnumber: 'BE123456789',
			customertitleid: 12,
			addresses: [
				{ typeid: 1, street1: 'Main street', zip: '3000', city: 'Leuven', countrycode: 'BE' },
			],
			phonenumbers: [{ typeid: 3, number: '+3216881940' }],
			relationtypes: [1, 2],
			optins: [{ optinid: 827, status: 7602, info: { method: 'boxoffice' } }],
			c_membership: 'gold',
			c_shoe: '42',
		});
		expect(output).toEqual([{ json: contact(10001), pairedItem: { item: 0 } }]);
	});

	test('create without an e-mail address (Ticketmatic accepts one, tm-go TestCreate): no email is sent', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts`).reply(200, contact(10002, { email: '' }));
		const { output, error } = await run({
			operation: 'create',
			email: '  ',
			additionalFields: { firstName: 'John' },
		});
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			path: `${PREFIX}/contacts`,
			body: { firstname: 'John' },
		});
		expect(verifyHmac(api.requests[0].headers.authorization).ok).toBe(true);
		expect(output).toEqual([{ json: contact(10002, { email: '' }), pairedItem: { item: 0 } }]);
	});

	test('create with a bad e-mail sends nothing; continue on fail gives a paired error item', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts`).reply(200, contact(1));
		const { output } = await run(
			{ operation: 'create', email: 'not-an-email', additionalFields: {} },
			[{}],
			true,
		);
		expect(api.requests).toHaveLength(0);
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toMatch(/"Email" is not a valid e-mail address/);
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	test('get, getByEmail, update and delete', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/contacts/42`)
			.reply(200, contact(42))
			.get(`${PREFIX}/contacts/0`)
			.query({ email: 'john42@example.com' })
			.reply(200, contact(42))
			.put(`${PREFIX}/contacts/42`)
			.reply(200, contact(42, { lastname: 'Smith' }))
			.delete(`${PREFIX}/contacts/42`)
			.reply(200, '');

		const got = await run({ operation: 'get', contactId: '42' });
		expect(got.output).toEqual([{ json: contact(42), pairedItem: { item: 0 } }]);

		const byEmail = await run({ operation: 'getByEmail', email: ' john42@example.com ' });
		expect(byEmail.output).toEqual([{ json: contact(42), pairedItem: { item: 0 } }]);

		const updated = await run({
			operation: 'update',
			contactId: '42',
			updateFields: { lastName: 'Smith', customFields: { field: [{ key: 'vip', value: 'yes' }] } },
		});
		expect(updated.output).toEqual([
			{ json: contact(42, { lastname: 'Smith' }), pairedItem: { item: 0 } },
		]);

		const removed = await run({ operation: 'delete', contactId: '42' });
		expect(removed.output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);

		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${PREFIX}/contacts/42`,
			`GET ${PREFIX}/contacts/0`,
			`PUT ${PREFIX}/contacts/42`,
			`DELETE ${PREFIX}/contacts/42`,
		]);
		expect(api.requests[1].query).toEqual({ email: 'john42@example.com' });
		expect(api.requests[2].body).toEqual({ lastname: 'Smith', c_vip: 'yes' });
		expect(api.requests[3].body).toBeUndefined();
		expect(api.requests.every((r) => verifyHmac(r.headers.authorization).ok)).toBe(true);
	});

	test.each(['../settings', '12/remarks', '12?x=1', 'abc', '-1'])(
		'a contact id of %j is refused before sending: ids are integers',
		async (contactId) => {
			const api = fakeApi(HOST);
			api.scope.get(/.*/).reply(200, {});
			const { error } = await run({ operation: 'get', contactId });
			expect(api.requests).toHaveLength(0);
			expect(error?.message).toBe('"Contact ID" must be a number made of digits only');
		},
	);

	test('getAll with a limit sends the filters and unwraps data', async () => {
		const api = fakeApi(HOST);
		const records = [contact(1), contact(2), contact(3)];
		api.scope
			.get(`${PREFIX}/contacts`)
			.query(true)
			.reply(200, { data: records, nbrofresults: 900 });
		const { output, error } = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: {
				searchTerm: 'doe',
				includeArchived: true,
				orderBy: 'lastupdatets',
				lastUpdateSince: '2024-05-01T10:20:30Z',
				filter: 'select id from tm.contact',
			},
		});
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].query).toEqual({
			limit: '3',
			offset: '0',
			searchterm: 'doe',
			includearchived: 'true',
			orderby: 'lastupdatets',
			lastupdatesince: '2024-05-01 10:20:30',
			filter: 'select id from tm.contact',
		});
		expect(output).toEqual(records.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('Return All over 10,500 contacts: 11 requests, every record once and in order, at most 4 in flight', async () => {
		const api = fakeApi(HOST);
		const TOTAL = 10_500;
		let inFlight = 0;
		let maxInFlight = 0;
		api.scope
			.get(`${PREFIX}/contacts`)
			.query(true)
			.times(11)
			.reply((uri, _body, callback) => {
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				const query = new URL(uri, HOST).searchParams;
				const offset = Number(query.get('offset'));
				const limit = Number(query.get('limit'));
				const data = Array.from(
					{ length: Math.max(0, Math.min(limit, TOTAL - offset)) },
					(_, i) => ({ id: offset + i + 1 }),
				);
				// Later pages answer faster, so out-of-order arrival is exercised.
				void sleep(40 - Math.min(30, offset / 400)).then(() => {
					inFlight--;
					callback(null, [200, { data, nbrofresults: TOTAL }]);
				});
			});
		const { output, error, credentialReads } = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { searchTerm: 'x' },
		});
		expect(error).toBeUndefined();
		// One read by n8n's RoutingNode, one for the item: its base URL, rate gate and 11 signed requests (n8n would read
		// and decrypt it for every request it authenticates).
		expect(credentialReads).toBe(1 + 1);
		expect(api.requests).toHaveLength(11);
		expect(api.requests.map((r) => Number(r.query.offset)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 11 }, (_, i) => i * 1000),
		);
		expect(api.requests.every((r) => r.query.searchterm === 'x')).toBe(true);
		expect(api.requests.find((r) => r.query.offset === '10000')?.query.limit).toBe('500');
		expect(output).toHaveLength(TOTAL);
		expect(output.map((item) => item.json.id)).toEqual(
			Array.from({ length: TOTAL }, (_, i) => i + 1),
		);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		// One pairing object shared by the whole list, not one per record (docs/benchmarks.md: −5 % peak RSS at 100,000).
		expect(new Set(output.map((item) => item.pairedItem)).size).toBe(1);
		// Measured: the 10 pages after the first run 4 at a time, never more.
		expect(maxInFlight).toBe(4);
	});

	/** `GET /contacts` over `total` contacts (ids 1…total), `body` shaping each answer; `cap` is the most per page. */
	function contactsApi(
		total: number,
		{
			cap = Infinity,
			body = (data: IDataObject[]) => ({ data, nbrofresults: total }) as IDataObject,
		} = {},
	) {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/contacts`)
			.query(true)
			.times(60)
			.reply(200, (uri) => {
				const query = new URL(uri, HOST).searchParams;
				const offset = Number(query.get('offset'));
				const limit = Math.min(cap, Number(query.get('limit')));
				return body(
					Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
						id: offset + i + 1,
					})),
				);
			});
		return api;
	}

	test.each([
		['missing', (data: IDataObject[]) => ({ data })],
		['null', (data: IDataObject[]) => ({ data, nbrofresults: null })],
	])(
		'nbrofresults %s: Return All still reads every page up to the short one (#12.4: was the first page only)',
		async (_what, body) => {
			const api = contactsApi(2500, { body });
			const { output, error } = await run({ operation: 'getAll', returnAll: true });
			expect(error).toBeUndefined();
			expect(output.map((item) => item.json.id)).toEqual(
				Array.from({ length: 2500 }, (_, i) => i + 1),
			);
			// 4 in flight, 2 more launched while reading; then, with no total to trust, the page right after the
			// short one (empty: the end; had the server capped its page length, it would hold the next records).
			expect(api.requests.map((r) => `${r.query.limit}@${r.query.offset}`)).toEqual([
				'1000@0',
				'1000@1000',
				'1000@2000',
				'1000@3000',
				'1000@4000',
				'1000@5000',
				'500@2500',
			]);
			expect(api.requests.every((r) => r.path === `${PREFIX}/contacts`)).toBe(true);
			expect(verifyHmac(String(api.requests[0].headers.authorization)).ok).toBe(true);
		},
	);

	test('a server that caps limit at 100 and sends no nbrofresults: all 350, read 100 at a time (#12.4: was 100)', async () => {
		const api = contactsApi(350, { cap: 100, body: (data: IDataObject[]) => ({ data }) });
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.id)).toEqual(
			Array.from({ length: 350 }, (_, i) => i + 1),
		);
		expect(api.requests.slice(4).map((r) => `${r.query.limit}@${r.query.offset}`)).toEqual([
			'100@100',
			'100@200',
			'100@300',
			'50@350', // right after the short page: empty, the end
		]);
	});

	test('a server that caps limit at 300 while nbrofresults says 2,500: all 2,500, read 300 at a time after the first page (#12.4)', async () => {
		const api = contactsApi(2500, { cap: 300 });
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.id)).toEqual(
			Array.from({ length: 2500 }, (_, i) => i + 1),
		);
		expect(api.requests.slice(4).map((r) => r.query)).toEqual([
			...[300, 600, 900, 1200, 1500, 1800, 2100].map((offset) => ({
				limit: '300',
				offset: String(offset),
			})),
			{ limit: '100', offset: '2400' },
		]);
	});

	test('a server that ignores offset stops the list with an error naming it and the page, within 5 requests (#12.3)', async () => {
		const api = fakeApi(HOST);
		const page = {
			data: Array.from({ length: 1000 }, (_, i) => ({ id: i + 1 })),
			nbrofresults: 5000,
		};
		api.scope.get(`${PREFIX}/contacts`).query(true).times(20).reply(200, page);
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(output).toEqual([]);
		expect(error?.message).toBe(
			`Ticketmatic: the list GET /contacts was stopped at page 2 (limit=1000, offset=1000) returned the same records as page 1 (limit=1000, offset=0): the server did not move on, so the list would never end`,
		);
		expect(api.requests.length).toBeLessThanOrEqual(5);
	});
});
