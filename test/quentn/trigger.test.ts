import { createHmac } from 'node:crypto';

import { QuentnTrigger } from '../../nodes/Quentn/QuentnTrigger.node';
import { MAX_CONTACTS, parseContacts, validSignature } from '../../nodes/Quentn/webhook';
import type { WebhookCall } from '../harness/engine';
import { runWebhook } from '../harness/engine';

const SALT = 'my-hash-salt';
const contacts = [
	{ id: '2', first_name: 'Alex', family_name: 'Muster', mail: 'alex.muster@example.com' },
	{ id: '5', first_name: 'Kim', family_name: 'Namenlos', mail: 'kim.namenlos@example.com' },
];
// Bytes as Quentn might format them (spaces, line breaks): the signature covers these exact bytes.
const body = JSON.stringify(contacts, null, 1);
const sign = (raw: string | Buffer, salt = SALT) =>
	createHmac('sha256', salt).update(raw).digest('base64');

const withSalt = { quentnWebhookApi: { hashSalt: SALT } };
const call = (
	overrides: Partial<WebhookCall> & { credentials?: Record<string, Record<string, string>> } = {},
) => {
	const { credentials = withSalt, ...request } = overrides;
	return runWebhook(
		{ type: 'quentnTrigger', parameters: {}, credentials },
		{ method: 'POST', rawBody: body, headers: { 'X-Quentn-Hmac-Sha256': sign(body) }, ...request },
	);
};

describe('Quentn Trigger', () => {
	test('a correctly signed call emits one item per contact, as Quentn sent it', async () => {
		const { result, response } = await call();
		expect(response.status).toBeUndefined(); // n8n answers 200 itself (responseMode onReceived)
		expect(result.noWebhookResponse).toBeUndefined();
		expect(result.workflowData).toEqual([contacts.map((json) => ({ json }))]);
	});

	test('PUT and DELETE calls are accepted the same way (the element offers POST, PUT, DELETE)', async () => {
		for (const method of ['PUT', 'DELETE'] as const) {
			const { result } = await call({ method });
			expect(result.workflowData?.[0].map((item) => item.json.id)).toEqual(['2', '5']);
		}
	});

	test('the raw body is read when n8n only offers readRawBody()', async () => {
		const { result } = await call({ lazyRawBody: true });
		expect(result.workflowData?.[0]).toHaveLength(2);
	});

	test('a signature made with another salt: 401, nothing emitted, no hash in the answer', async () => {
		const { result, response } = await call({
			headers: { 'X-Quentn-Hmac-Sha256': sign(body, 'other-salt') },
		});
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(401);
		expect(JSON.parse(response.body!).message).toMatch(
			/X-Quentn-Hmac-Sha256 signature is missing or does not match.*Hash Salt/,
		);
		expect(response.body).not.toContain(sign(body));
		expect(response.body).not.toContain(SALT);
	});

	test('a body changed after signing (one byte) is refused: the signature covers the raw bytes', async () => {
		const tampered = body.replace('Alex', 'Alec');
		const { result, response } = await call({ rawBody: tampered });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(401);
		// Same JSON re-serialised differently (whitespace) is a different body too.
		const compact = await call({ rawBody: JSON.stringify(contacts) });
		expect(compact.response.status).toBe(401);
	});

	test('no signature header while a salt is set: 401, nothing emitted', async () => {
		const { result, response } = await call({ headers: {} });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(401);
	});

	test('without a Quentn Webhook credential, calls are not checked (Quentn sends no hash without a salt)', async () => {
		const { result, response } = await call({ credentials: {}, headers: {} });
		expect(response.status).toBeUndefined();
		expect(result.workflowData?.[0].map((item) => item.json)).toEqual(contacts);
	});

	test('a credential whose salt is empty or blank fails closed: every call 401, nothing emitted', async () => {
		// A "signature" made with the empty salt is what a check switched off by an empty salt would accept.
		const emptySigned = { 'X-Quentn-Hmac-Sha256': sign(body, '') };
		for (const hashSalt of ['', '   ', undefined]) {
			const salt: Record<string, string> = hashSalt === undefined ? {} : { hashSalt };
			const credentials = { quentnWebhookApi: salt };
			for (const headers of [{}, emptySigned]) {
				const { result, response } = await call({ credentials, headers });
				expect(result).toEqual({ noWebhookResponse: true });
				expect(response.status).toBe(401);
				expect(JSON.parse(response.body!).message).toMatch(/has no Hash Salt.*refused/);
			}
		}
	});

	test('malformed bodies get a 400 naming the problem and emit nothing (checked after the signature)', async () => {
		const tooMany = JSON.stringify(
			Array.from({ length: MAX_CONTACTS + 1 }, (_, i) => ({ id: String(i + 1) })),
		);
		const cases: Array<[string, string, RegExp]> = [
			['not JSON', '{"id": 2,', /not JSON/],
			['an object, not an array', JSON.stringify(contacts[0]), /not a JSON array/],
			['more than 100 contacts', tooMany, /101 contacts; Quentn sends at most 100/],
			[
				'a contact without id',
				JSON.stringify([contacts[0], { first_name: 'No id' }]),
				/Contact 2 .* no "id"/,
			],
			['an id that is empty', JSON.stringify([{ id: ' ' }]), /Contact 1 .* no "id"/],
			[
				'a contact that is not an object',
				JSON.stringify([contacts[0], 'x']),
				/Contact 2 .* no "id"/,
			],
		];
		for (const [, raw, message] of cases) {
			for (const credentials of [withSalt, {}]) {
				const { result, response } = await call({
					rawBody: raw,
					headers: { 'X-Quentn-Hmac-Sha256': sign(raw) },
					credentials,
				});
				expect(result).toEqual({ noWebhookResponse: true });
				expect(response.status).toBe(400);
				expect(JSON.parse(response.body!).message).toMatch(message);
			}
		}
		// A bad body with a bad signature is a 401: nothing about the body is told to an unsigned caller.
		const unsigned = await call({ rawBody: '{"id": 2,', headers: {} });
		expect(unsigned.response.status).toBe(401);
	});

	test('exactly 100 contacts and numeric ids are accepted; a UTF-8 BOM is ignored', async () => {
		const hundred = JSON.stringify(Array.from({ length: MAX_CONTACTS }, (_, i) => ({ id: i + 1 })));
		const { result } = await call({
			rawBody: hundred,
			headers: { 'X-Quentn-Hmac-Sha256': sign(hundred) },
		});
		expect(result.workflowData?.[0]).toHaveLength(100);
		const bom = `\uFEFF${body}`;
		const withBom = await call({ rawBody: bom, headers: { 'X-Quentn-Hmac-Sha256': sign(bom) } });
		expect(withBom.result.workflowData?.[0]).toHaveLength(2);
	});

	test('an empty body: 400', async () => {
		const { response } = await call({ rawBody: undefined, credentials: {} });
		expect(response.status).toBe(400);
	});
});

describe('Quentn webhook signature', () => {
	const raw = Buffer.from(body);

	test('matches the base64 HMAC-SHA256 of the raw body keyed with the salt (help centre PHP example)', () => {
		expect(validSignature(raw, SALT, sign(body))).toBe(true);
		expect(validSignature(raw, SALT, [sign(body)])).toBe(true);
		expect(validSignature(raw, SALT, ` ${sign(body)}\n`)).toBe(true);
	});

	test('refuses other salts, other encodings, truncations, empty and missing values', () => {
		const hex = createHmac('sha256', SALT).update(body).digest('hex');
		for (const value of [
			sign(body, 'x'),
			hex,
			sign(body).slice(0, -2),
			sign(body) + 'A',
			'',
			undefined,
			42,
		]) {
			expect(validSignature(raw, SALT, value)).toBe(false);
		}
	});

	test('parseContacts returns the contacts unchanged', () => {
		expect(parseContacts(raw)).toEqual({ contacts });
	});
});

describe('Quentn Webhook API credential test', () => {
	const test_ = new QuentnTrigger().methods.credentialTest.hashSaltIsSet;
	const check = (hashSalt: unknown) =>
		test_.call(
			{} as never,
			{ id: '1', name: 'salt', type: 'quentnWebhookApi', data: { hashSalt } } as never,
		);

	test('a salt is OK; empty or space-padded salts are refused with a fix', async () => {
		expect(await check(SALT)).toEqual({
			status: 'OK',
			message: expect.stringMatching(/checked with this salt/),
		});
		expect(await check('')).toEqual({
			status: 'Error',
			message: expect.stringMatching(/Enter the Hash Salt/),
		});
		expect(await check(' salt ')).toEqual({
			status: 'Error',
			message: expect.stringMatching(/space/),
		});
	});
});
