import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { HOST, PREFIX, contact, hmacCredentials, verifyHmac } from './fixtures';

afterEach(resetHttp);

const run = (parameters: Record<string, unknown>, items?: IDataObject[], continueOnFail = false) =>
	runNode({
		type: 'ticketmatic',
		parameters: { resource: 'contact', operation: 'upsert', ...parameters },
		credentials: hmacCredentials,
		items,
		continueOnFail,
	});

describe('Ticketmatic contact: Create or Update', () => {
	test('no contact with the address (GET /contacts/0?email= → 404) → POST /contacts, upsert "created"', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/contacts/0`)
			.query({ email: 'new@example.com' })
			.reply(404, { code: 404, message: 'Not found' });
		api.scope
			.post(`${PREFIX}/contacts`)
			.reply(200, contact(10009, { email: 'new@example.com', firstname: 'Ann' }));
		const { output, error } = await run({
			email: ' new@example.com ',
			additionalFields: { firstName: 'Ann' },
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.query, r.body])).toEqual([
			['GET', `${PREFIX}/contacts/0`, { email: 'new@example.com' }, undefined],
			['POST', `${PREFIX}/contacts`, {}, { email: 'new@example.com', firstname: 'Ann' }],
		]);
		expect(api.requests.every((r) => verifyHmac(r.headers.authorization).ok)).toBe(true);
		expect(output).toEqual([
			{
				json: {
					...contact(10009, { email: 'new@example.com', firstname: 'Ann' }),
					upsert: 'created',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a contact has the address → PUT /contacts/{its id} with the same body, upsert "updated"', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/contacts/0`)
			.query({ email: 'john7@example.com' })
			.reply(200, contact(7));
		api.scope.put(`${PREFIX}/contacts/7`).reply(200, contact(7, { lastname: 'Smith' }));
		const { output } = await run({
			email: 'john7@example.com',
			additionalFields: { lastName: 'Smith' },
		});
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `${PREFIX}/contacts/0`, undefined],
			['PUT', `${PREFIX}/contacts/7`, { email: 'john7@example.com', lastname: 'Smith' }],
		]);
		expect(output).toEqual([
			{
				json: { ...contact(7, { lastname: 'Smith' }), upsert: 'updated' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test("an update keeps the contact's lists: relation types, addresses and phone numbers are added to, an opt-in replaces its own answer", async () => {
		const api = fakeApi(HOST);
		const current = contact(7, {
			relationtypes: [1, 4],
			addresses: [{ id: 31, typeid: 1, street1: 'Main street', city: 'Leuven', countrycode: 'BE' }],
			phonenumbers: [{ id: 41, typeid: 3, number: '+3216881940' }],
			optins: [
				{ optinid: 827, status: 7602, info: { method: 'web' } },
				{ optinid: 828, status: 7602, info: {} },
			],
		});
		api.scope.get(`${PREFIX}/contacts/0`).query({ email: 'john7@example.com' }).reply(200, current);
		api.scope.put(`${PREFIX}/contacts/7`).reply(200, current);
		const { output, error } = await run({
			email: 'john7@example.com',
			additionalFields: {
				relationTypeIds: [2],
				addresses: {
					address: [
						// The same address again is not added twice; a new one is.
						{ typeId: 1, street1: 'Main street', city: 'Leuven', countryCode: 'BE' },
						{ typeId: 2, street1: 'Station road', city: 'Gent', countryCode: 'BE' },
					],
				},
				phoneNumbers: { phoneNumber: [{ typeId: 4, number: '+32470000000' }] },
				optIns: { optIn: [{ optInId: 827, status: 7603, method: 'boxoffice', remarks: '' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${PREFIX}/contacts/0`,
			`PUT ${PREFIX}/contacts/7`,
		]);
		expect(api.requests[1].body).toEqual({
			email: 'john7@example.com',
			relationtypes: [1, 2, 4],
			addresses: [
				{ id: 31, typeid: 1, street1: 'Main street', city: 'Leuven', countrycode: 'BE' },
				{ typeid: 2, street1: 'Station road', city: 'Gent', countrycode: 'BE' },
			],
			phonenumbers: [
				{ id: 41, typeid: 3, number: '+3216881940' },
				{ typeid: 4, number: '+32470000000' },
			],
			optins: [
				{ optinid: 828, status: 7602, info: {} },
				{ optinid: 827, status: 7603, info: { method: 'boxoffice' } },
			],
		});
		expect(output).toEqual([{ json: { ...current, upsert: 'updated' }, pairedItem: { item: 0 } }]);
	});

	test("a bad address fails its item before any request; a lookup error other than 404 is that item's error, nothing created", async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/contacts/0`)
			.query({ email: 'x@example.com' })
			.reply(403, { code: 403, message: 'Insufficient rights' });
		api.scope.post(/.*/).reply(200, contact(1));
		const { output } = await run(
			{ email: '={{ $json.email }}', additionalFields: {} },
			[{ email: 'not-an-address' }, { email: 'x@example.com' }],
			true,
		);
		expect(api.requests.map((r) => r.method)).toEqual(['GET']);
		expect(output.map((i) => [String(i.json.error), i.pairedItem])).toEqual([
			[expect.stringMatching(/Email/), { item: 0 }],
			['Ticketmatic: Insufficient rights', { item: 1 }],
		]);
	});
});
