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
