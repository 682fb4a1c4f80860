/** Quentn custom fields: Get, Create, Update, Delete by field name (https://help.quentn.com/hc/en-150/articles/4518070370577-Custom-fields-API). */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API, API_KEY, HOST, credentials } from './fixtures';

afterEach(resetHttp);

const run = (
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean; typeVersion?: number } = {},
) =>
	runNode({
		type: 'quentn',
		parameters: { resource: 'customField', ...parameters },
		credentials,
		items: options.items,
		continueOnFail: options.continueOnFail ?? false,
		...(options.typeVersion ? { typeVersion: options.typeVersion } : {}),
	});

const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

/** A field as Quentn's help centre shows one. */
const FIELD = {
	field_id: 123,
	field_name: 'field_customer_id',
	label: 'Customer ID',
	description: 'Example description',
	type: 'text_textfield',
	field_type: 'text',
	required: false,
};

describe('Quentn custom field', () => {
	test.each([
		['list', 'field_customer_id'],
		['id', ' field_customer_id '],
	])('get (%s): GET /custom-fields/{field name}, the field as one item', async (mode, value) => {
		const api = fakeApi(HOST);
		api.scope.get(`${API}/custom-fields/field_customer_id`).reply(200, FIELD);
		const { output, error } = await run(
			{ operation: 'get', fieldName: locator(mode, value) },
			{ typeVersion: 2 },
		);
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', `${API}/custom-fields/field_customer_id`, {}],
		]);
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(output).toEqual([{ json: FIELD, pairedItem: { item: 0 } }]);
	});

	test("create: POST /custom-fields { label, field_type, description, max_length, required }; Quentn's answer", async () => {
		const api = fakeApi(HOST);
		const answer = { success: true, field_name: 'field_my_new_textfield', field_id: 278 };
		api.scope.post(`${API}/custom-fields`).reply(200, answer);
		const { output, error } = await run({
			operation: 'create',
			label: 'My new textfield',
			fieldType: 'text',
			additionalFields: { description: 'Example description', maxLength: 128, required: true },
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'POST',
				`${API}/custom-fields`,
				{
					label: 'My new textfield',
					field_type: 'text',
					description: 'Example description',
					max_length: 128,
					required: true,
				},
			],
		]);
		expect(output).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});

	test('update: PUT /custom-fields/{field name} with only the fields to change', async () => {
		const api = fakeApi(HOST);
		api.scope.put(`${API}/custom-fields/field_my_new_textfield`).reply(200, { success: true });
		const { output, error } = await run(
			{
				operation: 'update',
				fieldName: locator('id', 'field_my_new_textfield'),
				updateFields: { label: 'My renamed textfield' },
			},
			{ typeVersion: 2 },
		);
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['PUT', `${API}/custom-fields/field_my_new_textfield`, { label: 'My renamed textfield' }],
		]);
		expect(output).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
	});

	test('delete: DELETE /custom-fields/{field name} → { deleted: true }, one per item', async () => {
		const api = fakeApi(HOST);
		api.scope
			.delete(/\/custom-fields\/.*/)
			.times(2)
			.reply(200, { success: true });
		const { output, error } = await run(
			{ operation: 'delete', fieldName: locator('id', '={{ $json.name }}') },
			{ items: [{ name: 'field_a' }, { name: 'field_b' }] },
		);
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
			`DELETE ${API}/custom-fields/field_a`,
			`DELETE ${API}/custom-fields/field_b`,
		]);
		expect(output).toEqual([
			{ json: { deleted: true }, pairedItem: { item: 0 } },
			{ json: { deleted: true }, pairedItem: { item: 1 } },
		]);
	});

	test('bad input is refused before sending: a path in the field name, an empty label, an empty update', async () => {
		const api = fakeApi(HOST);
		api.scope.intercept(/.*/, 'GET').reply(200, FIELD);
		api.scope.intercept(/.*/, 'POST').reply(200, {});
		api.scope.intercept(/.*/, 'PUT').reply(200, {});
		const get = await run(
			{ operation: 'get', fieldName: locator('id', '={{ "field_a/../../contact/1" }}') },
			{ continueOnFail: true },
		);
		const create = await run(
			{ operation: 'create', label: ' ', fieldType: 'text' },
			{ continueOnFail: true },
		);
		const update = await run(
			{ operation: 'update', fieldName: locator('id', 'field_a'), updateFields: {} },
			{ continueOnFail: true },
		);
		expect(api.requests).toHaveLength(0);
		expect(get.output[0].json.error).toMatch(/"Field Name" is not a valid ID/);
		expect(create.output[0].json.error).toBe('Not sent: "Label" is empty');
		expect(update.output[0].json.error).toBe('Not sent: no field to update');
		for (const { output } of [get, create, update])
			expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	test("a field Quentn does not know: its 404 is the item's error", async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${API}/custom-fields/field_gone`)
			.reply(404, { error: true, message: 'Custom field not found' });
		const { output } = await run(
			{ operation: 'get', fieldName: locator('id', 'field_gone') },
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/not found/i);
	});
});
