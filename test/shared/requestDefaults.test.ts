/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code, never published: it reads the vendor folders' sources */
/**
 * A declarative node's request defaults are read for every request. An expression there (`={{ … }}`) is compiled
 * by n8n the first time a process meets it, tens of milliseconds in a fresh `n8n execute` (measured with
 * `npm run bench`). So no node has a base URL there: one way reaches a vendor, the credential's `authenticate`
 * putting the vendor's `baseUrlOf` (nodes/<Vendor>/baseUrl.ts) on a request that has none, for operations,
 * pickers, bulk operations, triggers and n8n's credential test alike (tested below).
 *
 * A credential's `authenticate` runs for every request too: a generic one (`{{$credentials.apiKey}}`) is an
 * expression evaluation per request (~1 ms each in n8n 2.41's sandbox, measured with `npm run bench`), so every
 * credential that signs requests does it in code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { baseUrlOf as chartMogulBase } from '../../nodes/ChartMogul/baseUrl';
import { chartMogul } from '../../nodes/ChartMogul/transport';
import { baseUrlOf as jtelBase } from '../../nodes/Jtel/baseUrl';
import { jtel } from '../../nodes/Jtel/transport';
import { baseUrlOf as quentnBase } from '../../nodes/Quentn/baseUrl';
import { quentn } from '../../nodes/Quentn/transport';
import { baseUrlOf as ticketSourceBase } from '../../nodes/TicketSource/baseUrl';
import { ticketSource } from '../../nodes/TicketSource/transport';
import { baseUrlOf as ticketmaticBase } from '../../nodes/Ticketmatic/baseUrl';
import { ticketmatic } from '../../nodes/Ticketmatic/transport';
import type { Transport } from '../../nodes/shared/transport';
import { credentials as chartMogulCredentials } from '../chartmogul/fixtures';
import { credentialTypes, packageNodes } from '../harness/engine';
import { credentials as jtelCredentials } from '../jtel/fixtures';
import { credentials as quentnCredentials } from '../quentn/fixtures';
import { hmacCredentials } from '../ticketmatic/fixtures';
import { credentials as ticketSourceCredentials } from '../ticketsource/fixtures';

const expressions = (value: unknown): string[] =>
	typeof value === 'string'
		? value.startsWith('=')
			? [value]
			: []
		: value && typeof value === 'object'
			? Object.values(value).flatMap(expressions)
			: [];

test.each(packageNodes().map(({ type, node }) => [type, node] as const))(
	'%s: no expression in the request defaults',
	(_type, node) => {
		expect(expressions(node.description.requestDefaults ?? {})).toEqual([]);
	},
);

test.each(
	packageNodes()
		.filter(({ node }) => node.description.requestOperations !== undefined)
		.map(({ type, node }) => [type, node] as const),
)(
	'%s: request defaults exist (a declarative node needs them) and have no base URL',
	(_type, node) => {
		expect(node.description.requestDefaults).toBeDefined();
		expect(node.description.requestDefaults).not.toHaveProperty('baseURL');
	},
);

type Vendor = [
	folder: string,
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
	baseUrlOf: (credentials: ICredentialDataDecryptedObject) => string,
	transport: Transport,
	base: string,
];
const VENDORS: Vendor[] = [
	[
		'ChartMogul',
		'chartMogulApi',
		chartMogulCredentials.chartMogulApi,
		chartMogulBase,
		chartMogul,
		'https://api.chartmogul.com/v1',
	],
	[
		'Jtel',
		'jtelApi',
		jtelCredentials.jtelApi,
		jtelBase,
		jtel,
		`${jtelCredentials.jtelApi.serverUrl}/rest/v1.0/${jtelCredentials.jtelApi.clientsId}`,
	],
	[
		'Quentn',
		'quentnApi',
		quentnCredentials.quentnApi,
		quentnBase,
		quentn,
		'https://acme.s1.quentn.com/public/api/V1',
	],
	[
		'TicketSource',
		'ticketSourceApi',
		ticketSourceCredentials.ticketSourceApi,
		ticketSourceBase,
		ticketSource,
		'https://api.ticketsource.io',
	],
	[
		'Ticketmatic',
		'ticketmaticApi',
		hmacCredentials.ticketmaticApi,
		ticketmaticBase,
		ticketmatic,
		'https://apps.ticketmatic.com/api/1/testaccount',
	],
];

describe.each(VENDORS)(
	'%s: one way to the vendor',
	(folder, credentialType, credentials, baseUrlOf, transport, base) => {
		const credential = credentialTypes.get(credentialType)!;
		const authenticate = credential.authenticate as (
			credentials: ICredentialDataDecryptedObject,
			requestOptions: IHttpRequestOptions,
		) => Promise<IHttpRequestOptions>;

		test('baseUrlOf (nodes/<Vendor>/baseUrl.ts) makes the base URL from the credential', () => {
			expect(baseUrlOf(credentials)).toBe(base);
		});

		test("the credential's authenticate puts it on a request without one, and only then", async () => {
			expect(await authenticate(credentials, { url: '/x' })).toMatchObject({
				baseURL: base,
				url: '/x',
			});
			const own = `${new URL(base).origin}/own`;
			expect((await authenticate(credentials, { baseURL: own, url: '/x' })).baseURL).toBe(own);
		});

		test('the credential test is a path only (authenticate gives the base)', () => {
			expect(credential.test?.request).not.toHaveProperty('baseURL');
			expect(String(credential.test?.request.url)).toMatch(/^\//);
		});

		test('the transport names the same helper (for error messages and the bulk credential check only)', () => {
			expect(transport.policy.baseUrl).toBe(baseUrlOf);
		});

		test('no other file of the vendor sets a base URL or builds a URL on one', () => {
			const root = join(__dirname, '../../nodes', folder);
			const files = (dir: string): string[] =>
				readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
					entry.isDirectory()
						? files(join(dir, entry.name))
						: entry.name.endsWith('.ts')
							? [join(dir, entry.name)]
							: [],
				);
			const offending = files(root)
				.filter((file) => relative(root, file) !== 'baseUrl.ts')
				.flatMap((file) =>
					readFileSync(file, 'utf8')
						.split('\n')
						.filter((line) => /baseURL\s*:(?!\s*string\b)|BASE_URL|url:\s*`\$\{/.test(line))
						.map((line) => `${relative(root, file)}: ${line.trim()}`),
				);
			// Quentn's campaign API is the one request with its own base: another path on the same checked host.
			expect(offending).toEqual(
				folder === 'Quentn'
					? [
							'resources/campaign/body.ts: return { ...options, baseURL: await campaignBaseUrlOf(this), body };',
						]
					: [],
			);
		});
	},
);

test.each(
	[...credentialTypes.values()]
		.filter((credential) => credential.authenticate !== undefined)
		.map((credential) => [credential.name, credential] as const),
)('%s: authenticates in code, not by expressions evaluated per request', (_name, credential) => {
	expect(typeof credential.authenticate).toBe('function');
});
