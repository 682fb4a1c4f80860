/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test code, never published: it makes a certificate with openssl and serves HTTPS */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { runNode } from '../harness/engine';
import { nock, resetHttp } from '../harness/http';
import { jtel } from '../../nodes/Jtel/transport';
import { CLIENTS_ID, TOKEN, campaign, one } from './fixtures';

/** A real on-premises-like jtel server with a self-signed certificate (made with openssl for this test). */
let server: https.Server;
let serverUrl: string;
const seen: string[] = [];

beforeAll(async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jtel-tls-'));
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'1',
			'-subj',
			'/CN=localhost',
			'-addext',
			'subjectAltName=DNS:localhost',
			'-keyout',
			'key.pem',
			'-out',
			'cert.pem',
		],
		{ cwd: dir, stdio: 'ignore' },
	);
	const key = fs.readFileSync(path.join(dir, 'key.pem'));
	const cert = fs.readFileSync(path.join(dir, 'cert.pem'));
	fs.rmSync(dir, { recursive: true, force: true }); // read into memory: no key left in /tmp after the run
	server = https.createServer({ key, cert }, (req, res) => {
		seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(one(campaign(538, 'Spring calls'))));
	});
	// A host name, not 127.0.0.1: Node warns (DEP0123) when TLS is given an IP address as server name.
	await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
	serverUrl = `https://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	seen.length = 0;
	nock.enableNetConnect('localhost');
});
afterEach(resetHttp);

const getCampaign = (ignoreTlsErrors?: boolean) =>
	runNode({
		type: 'jtel',
		parameters: {
			resource: 'diallerCampaign',
			operation: 'get',
			campaignId: { __rl: true, mode: 'id', value: '538' },
		},
		credentials: {
			jtelApi: {
				serverUrl,
				clientsId: CLIENTS_ID,
				token: TOKEN,
				...(ignoreTlsErrors === undefined ? {} : { ignoreTlsErrors }),
			},
		},
	});

describe('jtel credential: "Ignore TLS Certificate Errors"', () => {
	test('off (the default): a self-signed certificate is refused and nothing reaches the server', async () => {
		const { error, output } = await getCampaign();

		// Node's own words in brackets; Node 24 adds a hint about --use-system-ca after a semicolon.
		expect(error?.message).toMatch(
			/^Could not reach jtel: the server's TLS certificate was not accepted \(self-signed certificate(\)|; )/,
		);
		expect(error?.description).toMatch(
			/^If your jtel server uses a self-signed or company-internal certificate, turn on "Ignore TLS Certificate Errors" in the jtel credential/,
		);
		expect(output).toEqual([]);
		expect(seen).toEqual([]);
	});

	test('on: the same server is used', async () => {
		const { error, output } = await getCampaign(true);

		expect(error).toBeUndefined();
		expect(seen).toEqual([`GET /rest/v1.0/${CLIENTS_ID}/dialler/campaigns/538 Bearer ${TOKEN}`]);
		expect(output).toEqual([{ json: campaign(538, 'Spring calls'), pairedItem: { item: 0 } }]);
	});
});

describe('jtel server name that does not resolve', () => {
	test('10 items fail fast: one attempt each, no backoff, the error names "Server URL"', async () => {
		const host = 'https://acd.no-such-host.invalid';
		const scope = nock(host)
			.get(/.*/)
			.times(100)
			.replyWithError(
				Object.assign(new Error('getaddrinfo ENOTFOUND acd.no-such-host.invalid'), {
					code: 'ENOTFOUND',
					syscall: 'getaddrinfo',
				}),
			);
		let attempts = 0;
		scope.on('request', () => attempts++);
		// Every retry wait of the executor is recorded (and skipped): there must be none.
		const waits: number[] = [];
		const retry = jtel.policy.retry;
		jtel.policy.retry = { ...retry, wait: async (ms) => void waits.push(ms) };
		const { output, error } = await runNode({
			type: 'jtel',
			parameters: {
				resource: 'diallerCampaign',
				operation: 'get',
				campaignId: { __rl: true, mode: 'id', value: '538' },
			},
			credentials: { jtelApi: { serverUrl: host, clientsId: CLIENTS_ID, token: TOKEN } },
			items: Array.from({ length: 10 }, () => ({})),
			continueOnFail: true,
		}).finally(() => {
			jtel.policy.retry = retry;
		});

		expect(error).toBeUndefined();
		expect(output).toHaveLength(10);
		const unresolved = output.filter(
			(item) =>
				item.json.error ===
				'Could not reach jtel acd.no-such-host.invalid: the host name does not exist',
		);
		for (const item of unresolved) {
			expect((item.error as { description?: string }).description).toMatch(
				/^Not retried, because retrying cannot fix an address\. Check "Server URL" in the jtel credential/,
			);
		}
		// One attempt per item that was sent; once 3 in a row failed, the outage breaker sends no more.
		expect(attempts).toBe(unresolved.length);
		expect(unresolved.length).toBeGreaterThanOrEqual(3);
		const rest = output.filter((item) => !unresolved.includes(item));
		expect(
			rest.every(
				(item) =>
					item.json.error ===
					'Not sent: jtel failed for 3 items in a row (server errors or no connection)',
			),
		).toBe(true);
		// An item not sent repeats what stopped the run, so it too says which credential field to fix.
		for (const item of rest)
			expect((item.error as { description?: string }).description).toMatch(
				/The item that stopped it: Could not reach jtel acd\.no-such-host\.invalid: the host name does not exist\. .*Check "Server URL" in the jtel credential/,
			);
		// Old behaviour: 5 attempts per item with 4 backoff waits each (3.75 to 7.5 s of node time).
		expect(waits).toEqual([]);
	});
});
