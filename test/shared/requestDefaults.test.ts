/**
 * A declarative node's request defaults are read for every request. An expression there (`={{ … }}`) is compiled
 * by n8n the first time a process meets it, tens of milliseconds in a fresh `n8n execute` (measured with
 * `npm run bench`); where the base URL depends on the credential, the transport computes it in code instead
 * (TransportPolicy.baseUrl), and every operation's request still goes to the account's host: see toolPath.test.ts
 * and each vendor's tests.
 */
import { packageNodes } from '../harness/engine';

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
