/**
 * A declarative node's request defaults are read for every request. An expression there (`={{ … }}`) is compiled
 * by n8n the first time a process meets it, tens of milliseconds in a fresh `n8n execute` (measured with
 * `npm run bench`); where the base URL depends on the credential, the transport computes it in code instead
 * (TransportPolicy.baseUrl), and every operation's request still goes to the account's host: see toolPath.test.ts
 * and each vendor's tests.
 *
 * A credential's `authenticate` runs for every request too: a generic one (`{{$credentials.apiKey}}`) is an
 * expression evaluation per request (~1 ms each in n8n 2.41's sandbox, measured with `npm run bench`), so every
 * credential that signs requests does it in code.
 */
import { credentialTypes, packageNodes } from '../harness/engine';

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
	[...credentialTypes.values()]
		.filter((credential) => credential.authenticate !== undefined)
		.map((credential) => [credential.name, credential] as const),
)('%s: authenticates in code, not by expressions evaluated per request', (_name, credential) => {
	expect(typeof credential.authenticate).toBe('function');
});
