/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test code, never published: it checks the signature against openssl */
import { execFileSync } from 'node:child_process';

import { TicketmaticApi } from '../../credentials/TicketmaticApi.credentials';
import { authorizationHeader, signature, signingTimestamp } from '../../nodes/Ticketmatic/signing';
import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { ACCESS_KEY, ACCOUNT, HOST, PREFIX, SECRET_KEY, basicCredentials, contact, hmacCredentials, verifyHmac } from './fixtures';

afterEach(resetHttp);

const getContact = (credentials: typeof hmacCredentials, contactId = '7') =>
	runNode({ type: 'ticketmatic', parameters: { resource: 'contact', operation: 'get', contactId }, credentials });

describe('Ticketmatic credential', () => {
	test('the API notes worked example signs like `openssl dgst -sha256 -hmac secretkey`', () => {
		const message = 'accesskeytestaccount2014-09-23T17:23:00';
		const openssl = execFileSync('openssl', ['dgst', '-sha256', '-hmac', 'secretkey'], { input: message }).toString();
		const expected = /([0-9a-f]{64})\s*$/.exec(openssl)![1];
		expect(signature('secretkey', 'accesskey', 'testaccount', '2014-09-23T17:23:00')).toBe(expected);
		const header = authorizationHeader(
			{ accountName: 'testaccount', accessKey: 'accesskey', secretKey: 'secretkey', authentication: 'hmac' },
			new Date(Date.UTC(2014, 8, 23, 17, 23, 0, 456)),
		);
		expect(header).toBe(`TM-HMAC-SHA256 key=accesskey ts=2014-09-23T17:23:00 sign=${expected}`);
	});

	test('the Access Key is shown in clear (the public half of the key pair), the Secret Key is masked', () => {
		const field = (name: string) => new TicketmaticApi().properties.find((property) => property.name === name);
		expect(field('accessKey')?.typeOptions?.password).toBeUndefined();
		expect(field('secretKey')?.typeOptions?.password).toBe(true);
	});

	test('timestamp is UTC YYYY-MM-DDTHH:mm:ss without milliseconds or zone', () => {
		expect(signingTimestamp(new Date('2026-01-02T03:04:05.678+02:00'))).toBe('2026-01-02T01:04:05');
	});

	test('every request carries a fresh, valid HMAC header (signature recomputed from its own ts)', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${PREFIX}/contacts/7`).twice().reply(200, contact(7));
		const first = await getContact(hmacCredentials);
		const second = await getContact(hmacCredentials);
		expect(first.error).toBeUndefined();
		expect(second.output).toEqual([{ json: contact(7), pairedItem: { item: 0 } }]);
		expect(api.requests).toHaveLength(2);
		for (const request of api.requests) {
			const check = verifyHmac(request.headers.authorization);
			expect(check).toMatchObject({ ok: true, key: ACCESS_KEY });
			expect(check.sign).toBe(check.expected);
		}
		expect(String(api.requests[0].headers.authorization)).not.toContain(SECRET_KEY);
	});

	test('a header signed with another secret does not verify (the check can fail)', () => {
		const header = authorizationHeader({ ...hmacCredentials.ticketmaticApi, secretKey: 'other-secret' });
		expect(verifyHmac(header).ok).toBe(false);
	});

	test('basic mode sends Basic accessKey:secretKey', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${PREFIX}/contacts/7`).reply(200, contact(7));
		const { error } = await getContact(basicCredentials);
		expect(error).toBeUndefined();
		expect(api.requests[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`${ACCESS_KEY}:${SECRET_KEY}`).toString('base64')}`,
		);
	});

	test('an invalid account name fails before anything is sent', async () => {
		const api = fakeApi(HOST);
		api.scope.get(/.*/).reply(200, {});
		const bad = { ticketmaticApi: { ...hmacCredentials.ticketmaticApi, accountName: 'evil/../x' } };
		const { error } = await getContact(bad);
		expect(error?.message).toMatch(/account name "evil\/\.\.\/x" is not valid/);
		expect(api.requests).toHaveLength(0);
		await expect(
			new TicketmaticApi().authenticate(bad.ticketmaticApi, { url: '/x' }),
		).rejects.toThrow(/letters, digits, "-" and "_"/);
	});

	test('a 401 explains wrong keys and clock skew, with Ticketmatic\'s own message', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${PREFIX}/contacts/7`).reply(401, { code: 401, message: 'Invalid signature', applicationcode: 0 });
		const { error } = await getContact(hmacCredentials);
		expect(error?.message).toBe('Ticketmatic: Invalid signature');
		expect(error?.description).toMatch(/access key and secret key/);
		expect(error?.description).toMatch(/30 minutes/);
		expect(JSON.stringify(error)).not.toContain(SECRET_KEY);
	});

	test('the credential test is GET /tools/account on the account, with a 401 rule', () => {
		const { test } = new TicketmaticApi();
		expect(test.request.url).toBe('/tools/account');
		expect(test.request.baseURL).toBe(
			'=https://apps.ticketmatic.com/api/1/{{ encodeURIComponent($credentials.accountName) }}',
		);
		expect(test.rules?.[0]).toMatchObject({ type: 'responseCode', properties: { value: 401 } });
		expect(ACCOUNT).toBe('testaccount');
	});
});
