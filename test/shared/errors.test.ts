import type { INode } from 'n8n-workflow';

import { fixHint, redact, ssrfError, ssrfRefusal, vendorMessage } from '../../nodes/shared/errors';

describe('vendorMessage reads every documented error shape', () => {
	test.each([
		[{ code: 401, message: 'No valid API key provided', param: null }, 'No valid API key provided'],
		[{ status: 404, error: 'Dialler campaign not found' }, 'Dialler campaign not found'],
		[{ error: true, message: 'Contact not found' }, 'Contact not found'],
		[{ error: { message: 'nested' } }, 'nested'],
		[
			{
				errors: [
					{
						title: 'Invalid',
						detail: 'email is invalid',
						source: { pointer: '/data/attributes/email' },
					},
				],
			},
			'email: email is invalid',
		],
		[{ errors: { email: ['has already been taken'] } }, 'email: has already been taken'],
		[{ email: ['is invalid'], error_details: ['Email is invalid'] }, 'Email is invalid'],
		[{ email: ['is invalid'] }, 'email: is invalid'],
		['Service Unavailable', 'Service Unavailable'],
		['{"message":"as text"}', 'as text'],
		['<html>502</html>', undefined],
		[{}, undefined],
		[undefined, undefined],
	])('%j → %j', (body, expected) => {
		expect(vendorMessage(body)).toBe(expected);
	});
});

describe('redact', () => {
	test('removes secrets and anything that looks like a credential header value', () => {
		expect(redact('key sk-123456 failed', ['sk-123456'])).toBe('key [redacted] failed');
		expect(redact('Authorization: Bearer abcdefghijklmnop', [])).toBe(
			'Authorization: Bearer [redacted]',
		);
	});
});

describe('fixHint', () => {
	const hints = { vendor: 'V', credentials: 'Check the key.' };
	test.each([
		[401, /refused the credentials.*Check the key\./],
		[403, /refused the credentials/],
		[404, /no record at this address/],
		[422, /rejected the data/],
		[429, /rate-limiting/],
		[500, /server error/],
	])('%i', (status, expected) => {
		expect(fixHint(status, hints, 'x')).toMatch(expected);
	});
});

describe("n8n's SSRF refusal", () => {
	const node = { name: 'jtel', type: 'test.jtel', id: 'n1' } as INode;
	const hints = { vendor: 'jtel', credentials: 'Check the token.' };
	// As @n8n/backend-network raises them (by name: no code), wrapped by n8n-core 2.41 in a NodeApiError's cause.
	const blockedIp = (ip: string) =>
		Object.assign(
			new Error('The request was blocked because it resolves to a restricted IP address'),
			{
				name: 'SsrfBlockedIpError',
				ip,
			},
		);
	const wrapped = (cause: Error) =>
		Object.assign(new Error(cause.message), { name: 'NodeApiError', cause });

	test('is recognised by name anywhere in the cause chain, with its address or host name', () => {
		expect(ssrfRefusal(wrapped(blockedIp('10.0.0.7')))).toEqual({
			ip: '10.0.0.7',
			hostname: undefined,
		});
		expect(
			ssrfRefusal(
				Object.assign(new Error('blocked'), {
					name: 'SsrfBlockedHostnameError',
					hostname: 'acd.local',
				}),
			),
		).toEqual({ ip: undefined, hostname: 'acd.local' });
	});

	test('anything else is not a refusal (and ssrfError leaves it alone)', () => {
		const other = wrapped(
			Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
		);
		expect(ssrfRefusal(other)).toBeUndefined();
		expect(ssrfRefusal('text')).toBeUndefined();
		expect(ssrfError(node, hints, other, { host: 'acd.local' })).toBeUndefined();
	});

	test('a blocked address: message names host and address, the fix both allow-list settings with their values', () => {
		const error = ssrfError(node, hints, wrapped(blockedIp('10.0.0.7')), {
			host: 'acd.intranet.example:8443',
			itemIndex: 2,
		});
		expect(error?.message).toBe(
			"n8n's SSRF protection blocked the request to jtel at acd.intranet.example (10.0.0.7)",
		);
		expect(error?.description).toBe(
			'This n8n runs with N8N_SSRF_PROTECTION_ENABLED=true, which blocks private, loopback and link-local addresses. ' +
				'If this jtel server is one you trust, let n8n reach it: set N8N_SSRF_ALLOWED_HOSTNAMES=acd.intranet.example (by host name) ' +
				'or N8N_SSRF_ALLOWED_IP_RANGES=10.0.0.7/32 (by address) on the n8n main instance and on every worker, then restart them. ' +
				'Not retried: only that setting changes the answer.',
		);
		expect(error?.context.itemIndex).toBe(2);
	});

	test('a server addressed by its IP address: allowed by N8N_SSRF_ALLOWED_IP_RANGES only (IPv6 as a /128)', () => {
		const v6 = ssrfError(node, hints, blockedIp('fd00::5'), { host: '[fd00::5]:8443' });
		expect(v6?.message).toBe("n8n's SSRF protection blocked the request to jtel at fd00::5");
		expect(v6?.description).toContain(
			'set N8N_SSRF_ALLOWED_IP_RANGES=fd00::5/128 (N8N_SSRF_ALLOWED_HOSTNAMES allows host names only, and this server is addressed by its IP address)',
		);
		const v4 = ssrfError(node, hints, blockedIp('10.0.0.7'), { host: '10.0.0.7' });
		expect(v4?.message).toBe("n8n's SSRF protection blocked the request to jtel at 10.0.0.7");
		expect(v4?.description).toContain('set N8N_SSRF_ALLOWED_IP_RANGES=10.0.0.7/32 (');
		expect(v4?.description).not.toContain('N8N_SSRF_ALLOWED_HOSTNAMES=');
	});

	test("without the request's host (a credential adds the base URL inside n8n): the address, and a placeholder for the name", () => {
		const error = ssrfError(node, hints, blockedIp('127.0.0.5'), {});
		expect(error?.message).toBe("n8n's SSRF protection blocked the request to jtel at 127.0.0.5");
		expect(error?.description).toContain(
			"N8N_SSRF_ALLOWED_HOSTNAMES=<your jtel server's host name> (by host name) or N8N_SSRF_ALLOWED_IP_RANGES=127.0.0.5/32",
		);
	});

	test('a host name on N8N_SSRF_BLOCKED_HOSTNAMES: says so, and how to allow it', () => {
		const error = ssrfError(
			node,
			hints,
			Object.assign(new Error('blocked'), {
				name: 'SsrfBlockedHostnameError',
				hostname: 'acd.local',
			}),
			{ host: 'acd.local' },
		);
		expect(error?.message).toBe("n8n's SSRF protection blocked the request to jtel at acd.local");
		expect(error?.description).toMatch(/host name is on N8N_SSRF_BLOCKED_HOSTNAMES/);
		expect(error?.description).toContain('N8N_SSRF_ALLOWED_HOSTNAMES=acd.local');
		expect(error?.description).toContain('N8N_SSRF_ALLOWED_IP_RANGES=<address>/32');
	});
});
