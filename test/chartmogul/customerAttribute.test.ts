import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASIC, CUSTOMER, HOST, credentials } from './fixtures';

afterEach(resetHttp);

const run = (
	parameters: IDataObject,
	items?: IDataObject[],
	continueOnFail = false,
	typeVersion = 2,
) =>
	runNode({
		type: 'chartMogul',
		typeVersion,
		parameters: { resource: 'customerAttribute', ...parameters },
		credentials,
		items,
		continueOnFail,
	});

const picked = (value = CUSTOMER) => ({ __rl: true, mode: 'list', value });
const rows = (...attribute: IDataObject[]) => ({ attribute });
const PATH = `/v1/customers/${CUSTOMER}/attributes/custom`;

describe('ChartMogul customer attributes', () => {
	test("get: GET /customers/{uuid}/attributes, the customer's tags and custom attributes as one item", async () => {
		const api = fakeApi(HOST);
		const attributes = {
			tags: ['engage', 'unit loss'],
			stripe: {},
			clearbit: {},
			custom: { CAC: 213, channel: 'Facebook' },
		};
		api.scope.get(`/v1/customers/${CUSTOMER}/attributes`).reply(200, attributes);
		const { output, error } = await run({ operation: 'get', customerUuid: picked() });
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', `/v1/customers/${CUSTOMER}/attributes`, {}],
		]);
		expect(api.requests[0].headers.authorization).toBe(BASIC);
		expect(output).toEqual([{ json: attributes, pairedItem: { item: 0 } }]);
	});

	test('add: POST …/attributes/custom with { custom: [{ type, key, value, source? }] }, each value sent as its type', async () => {
		const api = fakeApi(HOST);
		const answer = {
			custom: { channel: 'Facebook', age: 8, ltv: 12.5, pro: true, since: '2026-01-10T09:30:00Z' },
		};
		api.scope.post(PATH).reply(200, answer);
		const { output, error } = await run({
			operation: 'add',
			customerUuid: picked(),
			customAttributes: rows(
				{ type: 'String', key: ' channel ', value: 'Facebook', source: 'integration' },
				{ type: 'Integer', key: 'age', value: ' 8 ', source: '' },
				{ type: 'Decimal', key: 'ltv', value: '12.5' },
				{ type: 'Boolean', key: 'pro', value: 'TRUE' },
				{ type: 'Timestamp', key: 'since', value: '2026-01-10T09:30:00Z' },
			),
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'POST',
				PATH,
				{
					custom: [
						{ type: 'String', key: 'channel', value: 'Facebook', source: 'integration' },
						{ type: 'Integer', key: 'age', value: 8 },
						{ type: 'Decimal', key: 'ltv', value: 12.5 },
						{ type: 'Boolean', key: 'pro', value: true },
						{ type: 'Timestamp', key: 'since', value: '2026-01-10T09:30:00Z' },
					],
				},
			],
		]);
		expect(output).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});

	test('update: PUT …/attributes/custom with { custom: { key: value } }; a value with a source is { value, source }', async () => {
		const api = fakeApi(HOST);
		api.scope.put(PATH).reply(200, { custom: { channel: 'Twitter', pro: false } });
		const { output, error } = await run(
			{
				operation: 'update',
				customerUuid: picked(),
				customAttributes: rows(
					{ type: 'String', key: 'channel', value: '={{ $json.channel }}', source: 'crm' },
					{ type: 'Boolean', key: 'pro', value: '={{ $json.pro }}' },
				),
			},
			[{ channel: 'Twitter', pro: false }],
		);
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['PUT', PATH, { custom: { channel: { value: 'Twitter', source: 'crm' }, pro: false } }],
		]);
		expect(output).toEqual([
			{ json: { custom: { channel: 'Twitter', pro: false } }, pairedItem: { item: 0 } },
		]);
	});

	test('remove: DELETE …/attributes/custom with { custom: [keys] }, per item', async () => {
		const api = fakeApi(HOST);
		api.scope.delete(PATH).reply(200, { custom: { channel: 'Twitter' } });
		api.scope.delete('/v1/customers/cus_2/attributes/custom').reply(200, { custom: {} });
		const { output, error } = await run(
			{
				operation: 'remove',
				customerUuid: { __rl: true, mode: 'id', value: '={{ $json.uuid }}' },
				customAttributes: rows({ key: 'age' }, { key: '={{ $json.key }}' }),
			},
			[
				{ uuid: CUSTOMER, key: 'salesRep' },
				{ uuid: 'cus_2', key: 'CAC' },
			],
		);
		expect(error).toBeUndefined();
		expect(
			api.requests
				.map((r) => [r.method, r.path, r.body])
				.sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
		).toEqual([
			['DELETE', '/v1/customers/cus_2/attributes/custom', { custom: ['age', 'CAC'] }],
			['DELETE', PATH, { custom: ['age', 'salesRep'] }],
		]);
		expect(output).toEqual([
			{ json: { custom: { channel: 'Twitter' } }, pairedItem: { item: 0 } },
			{ json: { custom: {} }, pairedItem: { item: 1 } },
		]);
	});

	test('version 1: the customer UUID typed as text goes into the path', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`/v1/customers/${CUSTOMER}/attributes`).reply(200, { tags: [], custom: {} });
		const { error } = await run({ operation: 'get', customerUuid: CUSTOMER }, undefined, false, 1);
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => r.path)).toEqual([`/v1/customers/${CUSTOMER}/attributes`]);
	});

	test('bad rows are refused before sending, each naming the row and what to fix; good items go on', async () => {
		const api = fakeApi(HOST);
		api.scope.post(PATH).reply(200, { custom: { channel: 'Web' } });
		const { output } = await run(
			{
				operation: 'add',
				customerUuid: picked(),
				customAttributes: rows({
					type: '={{ $json.type }}',
					key: '={{ $json.key }}',
					value: '={{ $json.value }}',
				}),
			},
			[
				{ type: 'String', key: 'channel', value: 'Web' },
				{ type: 'String', key: ' ', value: 'x' },
				{ type: '', key: 'age', value: '8' },
				{ type: 'Integer', key: 'age', value: 'eight' },
				{ type: 'Timestamp', key: 'since', value: 'yesterday' },
				{ type: 'String', key: 'note', value: 'x'.repeat(256) },
			],
			true,
		);
		expect(api.requests.map((r) => r.body)).toEqual([
			{ custom: [{ type: 'String', key: 'channel', value: 'Web' }] },
		]);
		expect(output.map((i) => [i.json.error ?? i.json, i.pairedItem])).toEqual([
			[{ custom: { channel: 'Web' } }, { item: 0 }],
			['Custom attribute 1 has no "Key"', { item: 1 }],
			['Custom attribute 1 ("age") has no valid "Type"', { item: 2 }],
			[
				'Custom attribute 1 ("age") is an Integer, but its "Value" is not a whole number',
				{ item: 3 },
			],
			[
				'Custom attribute 1 ("since") is a Timestamp, but its "Value" is not a date (ISO 8601, e.g. 2026-01-10T09:30:00Z)',
				{ item: 4 },
			],
			[
				'Custom attribute 1 ("note") is a String, but its "Value" is not text of at most 255 characters',
				{ item: 5 },
			],
		]);
		expect(output[1].error?.description).toMatch(/^Not sent: nothing went to ChartMogul/);
	});

	test('no rows at all: "Custom Attributes" is empty, not sent', async () => {
		const api = fakeApi(HOST);
		api.scope.delete(/.*/).reply(200, { custom: {} });
		const { error } = await run({
			operation: 'remove',
			customerUuid: picked(),
			customAttributes: {},
		});
		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe('"Custom Attributes" is empty');
		expect(error?.description).toMatch(
			/^Not sent: nothing went to ChartMogul for this item\. Add at least one/,
		);
	});
});
