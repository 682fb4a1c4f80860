/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test code, never published: it checks the signature against openssl */
import { execFileSync } from 'node:child_process';

import { TicketmaticApi } from '../../credentials/TicketmaticApi.credentials';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { authorizationHeader, signature, signingTimestamp } from '../../nodes/Ticketmatic/signing';
import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import {
	ACCESS_KEY,
	ACCOUNT,
	HOST,
	PREFIX,
	SECRET_KEY,
	basicCredentials,
	contact,
	hmacCredentials,
	verifyHmac,
} from './fixtures';

afterEach(resetHttp);

const getContact = (credentials: typeof hmacCredentials, contactId = '7') =>
	runNode({
		type: 'ticketmatic',
		parameters: { resource: 'contact', operation: 'get', contactId },
		credentials,
	});

describe('Ticketmatic credential', () => {
	test('the API notes worked example signs like `openssl dgst -sha256 -hmac secretkey`', () => {
		const message = 'accesskeytestaccount2014-09-23T17:23:00';
		const openssl = execFileSync('openssl', ['dgst', '-sha256', '-hmac', 'secretkey'], {
			input: message,
		}).toString();
		const expected = /([0-9a-f]{64})\s*$/.exec(openssl)![1];
		expect(signature('secretkey', 'accesskey', 'testaccount', '2014-09-23T17:23:00')).toBe(
			expected,
		);
		const header = authorizationHeader(
			{
				accountName: 'testaccount',
				accessKey: 'accesskey',
				secretKey: 'secretkey',
				authentication: 'hmac',
			},
			new Date(Date.UTC(2014, 8, 23, 17, 23, 0, 456)),
		);
		expect(header).toBe(`TM-HMAC-SHA256 key=accesskey ts=2014-09-23T17:23:00 sign=${expected}`);
	});

	test('the Access Key is shown in clear (the public half of the key pair), the Secret Key is masked', () => {
		const field = (name: string) =>
			new TicketmaticApi().properties.find((property) => property.name === name);
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
		const header = authorizationHeader({
			...hmacCredentials.ticketmaticApi,
			secretKey: 'other-secret',
		});
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

	test("a 401 explains wrong keys and clock skew, with Ticketmatic's own message", async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/contacts/7`)
			.reply(401, { code: 401, message: 'Invalid signature', applicationcode: 0 });
		const { error } = await getContact(hmacCredentials);
		expect(error?.message).toBe('Ticketmatic: Invalid signature');
		expect(error?.description).toMatch(/access key and secret key/);
		expect(error?.description).toMatch(/30 minutes/);
		expect(JSON.stringify(error)).not.toContain(SECRET_KEY);
	});

	test('the credential test is GET /tools/account on the account, with a 401 rule', () => {
		const { test } = new TicketmaticApi();
		// A path only: `authenticate` puts the account's base URL on it (tested below).
		expect(test.request).toEqual({ url: '/tools/account' });
		expect(test.rules?.[0]).toMatchObject({ type: 'responseCode', properties: { value: 401 } });
		expect(ACCOUNT).toBe('testaccount');
	});
});

describe('Ticketmatic environment (credential option: production, test, QA; never a free URL)', () => {
	const inEnvironment = (environment: string | undefined) => ({
		ticketmaticApi: {
			...hmacCredentials.ticketmaticApi,
			...(environment === undefined ? {} : { environment }),
		},
	});

	test.each([
		['test', 'https://test.ticketmatic.com'],
		['qa', 'https://qa.ticketmatic.com'],
		['production', 'https://apps.ticketmatic.com'],
		[undefined, 'https://apps.ticketmatic.com'],
	])('%s → routed requests go to %s, signed', async (environment, host) => {
		const api = fakeApi(host);
		api.scope.get(`${PREFIX}/contacts/7`).reply(200, contact(7));
		const { output, error } = await getContact(
			inEnvironment(environment) as typeof hmacCredentials,
		);
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'GET', path: `${PREFIX}/contacts/7` });
		expect(verifyHmac(api.requests[0].headers.authorization).ok).toBe(true);
		expect(output).toEqual([{ json: contact(7), pairedItem: { item: 0 } }]);
	});

	test('bulk requests the node builds itself (import) go to the same environment', async () => {
		const api = fakeApi('https://qa.ticketmatic.com');
		api.scope.post(`${PREFIX}/contacts/import`).reply(200, [{ id: 1, ok: true }]);
		const { output, error } = await runNode({
			type: 'ticketmatic',
			parameters: {
				resource: 'contact',
				operation: 'import',
				email: 'a@example.com',
				additionalFields: {},
			},
			credentials: inEnvironment('qa'),
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${PREFIX}/contacts/import`,
		]);
		expect(output).toEqual([{ json: { id: 1, ok: true }, pairedItem: { item: 0 } }]);
	});

	test.each([['evil.example'], ['https://evil.example'], ['constructor']])(
		'an environment outside the list (%j) is refused before anything is sent',
		async (environment) => {
			const api = fakeApi(HOST);
			api.scope.get(/.*/).optionally().reply(200, contact(7));
			const evil = fakeApi('https://evil.example');
			evil.scope.get(/.*/).optionally().reply(200, contact(7));
			const { error } = await getContact(inEnvironment(environment) as typeof hmacCredentials);
			expect(api.requests).toHaveLength(0);
			expect(evil.requests).toHaveLength(0);
			expect(error?.message).toMatch(/environment .* is not one of production, test, qa/);
		},
	);

	test.each([
		['qa', 'https://qa.ticketmatic.com'],
		[undefined, 'https://apps.ticketmatic.com'],
	])(
		'the credential test request goes to the chosen environment (%s), signed',
		async (environment, server) => {
			const credential = new TicketmaticApi();
			expect(credential.properties.find((p) => p.name === 'environment')).toMatchObject({
				type: 'options',
				default: 'production',
			});
			const signed = await credential.authenticate(
				inEnvironment(environment).ticketmaticApi,
				credential.test.request as IHttpRequestOptions,
			);
			expect(signed).toMatchObject({ baseURL: `${server}${PREFIX}`, url: '/tools/account' });
			expect(signed.headers?.Authorization).toMatch(/^TM-HMAC-SHA256 key=/);
		},
	);
});
