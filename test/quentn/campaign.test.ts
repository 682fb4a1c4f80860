import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API, API_KEY, HOST, credentials } from './fixtures';

afterEach(resetHttp);

const run = (
	resource: string,
	parameters: IDataObject,
	items?: IDataObject[],
	continueOnFail = false,
) =>
	runNode({
		type: 'quentn',
		parameters: { resource, ...parameters },
		credentials,
		items,
		continueOnFail,
	});

/** The campaign API's path, lower-case "v1" as Quentn's help centre prints it. */
const CB = '/public/api/v1/cb';

describe('Quentn campaign: Start', () => {
	test("by contact ID: POST /public/api/v1/cb/{id} with { id }, output Quentn's answer", async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${CB}/42`).reply(200, { id: 123 });
		const { output, error } = await run('campaign', {
			operation: 'start',
			campaignId: '42',
			contactBy: 'id',
			contactId: '123',
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', `${CB}/42`, { id: 123 }],
		]);
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(output).toEqual([{ json: { id: 123 }, pairedItem: { item: 0 } }]);
	});

	test('by email: { mail }, one request per item, each output paired to its item', async () => {
		const api = fakeApi(HOST);
		api.scope
			.post(`${CB}/42`)
			.times(2)
			.reply(200, (_uri, body) => ({
				id: (body as { mail: string }).mail.startsWith('a') ? 1 : 2,
			}));
		const { output } = await run(
			'campaign',
			{ operation: 'start', campaignId: '42', contactBy: 'email', email: '={{ $json.mail }}' },
			[{ mail: ' ann@example.com ' }, { mail: 'bob@example.com' }],
		);
		expect(
			api.requests
				.map((r) => r.body)
				.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
		).toEqual([{ mail: 'ann@example.com' }, { mail: 'bob@example.com' }]);
		expect(output).toEqual([
			{ json: { id: 1 }, pairedItem: { item: 0 } },
			{ json: { id: 2 }, pairedItem: { item: 1 } },
		]);
	});

	test('a bad campaign id, contact id or email fails that item before sending', async () => {
		const api = fakeApi(HOST);
		api.scope.post(/.*/).reply(200, { id: 1 });
		// "Contact By" takes no expression (noDataExpression; n8n 2.41 drops the "=" of one), so one run per choice.
		const start = (contactBy: string, items: IDataObject[]) =>
			run(
				'campaign',
				{
					operation: 'start',
					campaignId: '={{ $json.cb }}',
					contactBy,
					contactId: '={{ $json.id }}',
					email: '={{ $json.mail }}',
				},
				items,
				true,
			);
		const byId = await start('id', [
			{ cb: '42/../x', id: '1' },
			{ cb: '42', id: 'abc' },
		]);
		const byEmail = await start('email', [{ cb: '42', mail: 'not-an-address' }]);
		expect(api.requests).toHaveLength(0);
		expect(byId.output.map((i) => [String(i.json.error), i.pairedItem])).toEqual([
			[expect.stringMatching(/Campaign ID/), { item: 0 }],
			[expect.stringMatching(/Contact ID/), { item: 1 }],
		]);
		expect(byEmail.output.map((i) => [String(i.json.error), i.pairedItem])).toEqual([
			[expect.stringMatching(/Email/), { item: 0 }],
		]);
	});

	test("Contact Fields go into the started contact beside its ID or e-mail, under Quentn's field names", async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${CB}/42`).times(2).reply(200, { id: 123 });
		const contactFields = {
			firstName: 'Ada',
			familyName: 'Lovelace',
			customFields: { field: [{ name: 'field_customer_id', value: 'C-7' }] },
			terms: '3, 5',
		};
		const byId = await run('campaign', {
			operation: 'start',
			campaignId: '42',
			contactBy: 'id',
			contactId: '123',
			contactFields,
		});
		const byEmail = await run('campaign', {
			operation: 'start',
			campaignId: '42',
			contactBy: 'email',
			email: 'ada@example.com',
			contactFields: { phone: '+49 30 1234' },
		});
		expect(byId.error).toBeUndefined();
		expect(byEmail.error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'POST',
				`${CB}/42`,
				{
					first_name: 'Ada',
					family_name: 'Lovelace',
					field_customer_id: 'C-7',
					terms: [3, 5],
					id: 123,
				},
			],
			['POST', `${CB}/42`, { phone: '+49 30 1234', mail: 'ada@example.com' }],
		]);
		expect(byId.output).toEqual([{ json: { id: 123 }, pairedItem: { item: 0 } }]);
	});

	test('with Contact Fields, a bad e-mail is still refused before sending', async () => {
		const api = fakeApi(HOST);
		api.scope.post(/.*/).reply(200, { id: 1 });
		const { output } = await run(
			'campaign',
			{
				operation: 'start',
				campaignId: '42',
				contactBy: 'email',
				email: 'ada@',
				contactFields: { firstName: 'Ada' },
			},
			undefined,
			true,
		);
		expect(api.requests).toHaveLength(0);
		expect(String(output[0].json.error)).toMatch(/Email/);
	});
});

describe('Quentn custom fields: Get Many', () => {
	const fields = Array.from({ length: 5 }, (_, i) => ({
		field_id: 100 + i,
		field_name: `field_${i}`,
		label: `Field ${i}`,
		description: '',
		type: 'text_textfield',
		field_type: 'text',
		required: false,
	}));

	test('GET /custom-fields, one item per field; Limit applied to the one answer', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${API}/custom-fields`).times(2).reply(200, fields);
		const all = await run('customField', { operation: 'getAll', returnAll: true });
		expect(all.output).toEqual(fields.map((json) => ({ json, pairedItem: { item: 0 } })));
		const some = await run('customField', { operation: 'getAll', returnAll: false, limit: 2 });
		expect(some.output.map((i) => i.json.field_name)).toEqual(['field_0', 'field_1']);
		expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', `${API}/custom-fields`, {}],
			['GET', `${API}/custom-fields`, {}],
		]);
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
	});
});
