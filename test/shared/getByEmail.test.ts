/**
 * "Get by Email" means the same in every node: nothing found is no item, unless Error If Not Found (in Options) is
 * on; then the item fails naming the address.
 */
import type { IDataObject } from 'n8n-workflow';

import * as chartMogul from '../chartmogul/fixtures';
import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import * as quentn from '../quentn/fixtures';
import * as ticketmatic from '../ticketmatic/fixtures';

afterEach(resetHttp);

const EMAIL = 'nobody@example.com';

const NODES = [
	{
		type: 'chartMogul',
		resource: 'customer',
		host: chartMogul.HOST,
		path: '/v1/customers/search',
		credentials: chartMogul.credentials,
		record: 'ChartMogul customer',
		found: { entries: [{ uuid: 'cus_1', email: EMAIL }], has_more: false, cursor: null },
		output: { uuid: 'cus_1', email: EMAIL },
	},
	{
		type: 'quentn',
		resource: 'contact',
		host: quentn.HOST,
		path: `${quentn.API}/contact/${encodeURIComponent(EMAIL)}`,
		credentials: quentn.credentials,
		record: 'Quentn contact',
		found: [{ id: 93, mail: EMAIL }],
		output: { id: 93, mail: EMAIL },
	},
	{
		type: 'ticketmatic',
		resource: 'contact',
		host: ticketmatic.HOST,
		path: `${ticketmatic.PREFIX}/contacts/0`,
		credentials: ticketmatic.hmacCredentials,
		record: 'Ticketmatic contact',
		found: { id: 10001, email: EMAIL },
		output: { id: 10001, email: EMAIL },
	},
];

const run = (node: (typeof NODES)[number], options: IDataObject, typeVersion?: number) =>
	runNode({
		type: node.type,
		...(typeVersion ? { typeVersion } : {}),
		parameters: { resource: node.resource, operation: 'getByEmail', email: EMAIL, options },
		credentials: node.credentials as never,
	});

describe.each(NODES)('$type Get by Email', (node) => {
	test.each([[2], [1]])('nothing found (HTTP 404) is no item (version %i)', async (version) => {
		const api = fakeApi(node.host);
		api.scope.get(node.path).query(true).reply(404, { message: 'Not found' });

		const { output, error } = await run(node, {}, version);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'GET', path: node.path });
		expect(output).toEqual([]);
	});

	test('with Error If Not Found, nothing found fails the item, naming the address', async () => {
		const api = fakeApi(node.host);
		api.scope.get(node.path).query(true).reply(404, { message: 'Not found' });

		const { output, error } = await run(node, { errorIfNotFound: true });

		expect(api.requests).toHaveLength(1);
		expect(output).toEqual([]);
		expect(error?.message).toBe(`No ${node.record} has the email address "${EMAIL}"`);
	});

	test('a record found is output with Error If Not Found on', async () => {
		const api = fakeApi(node.host);
		api.scope.get(node.path).query(true).reply(200, node.found);

		const { output, error } = await run(node, { errorIfNotFound: true }, 1);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(output).toEqual([{ json: node.output, pairedItem: { item: 0 } }]);
	});
});

test('ChartMogul: an empty search answer is no item too', async () => {
	const api = fakeApi(chartMogul.HOST);
	api.scope
		.get('/v1/customers/search')
		.query(true)
		.reply(200, { entries: [], has_more: false, cursor: null });

	const { output, error } = await run(NODES[0], {});

	expect(error).toBeUndefined();
	expect(api.requests).toHaveLength(1);
	expect(output).toEqual([]);
});
