import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API, API_KEY, HOST, credentials } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject, items?: IDataObject[], continueOnFail = false) =>
	runNode({
		type: 'quentn',
		parameters: { resource: 'contact', operation: 'upsert', ...parameters },
		credentials,
		items,
		continueOnFail,
	});

describe('Quentn contact: Create or Update', () => {
	test('nobody has the address (404) → the create with duplicate check by email, upsert "created"', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${API}/contact/new%40example.com`)
			.reply(404, { error: true, message: 'Contact not found' });
		api.scope.post(`${API}/contact`).reply(200, { id: 501 });
		const { output, error } = await run({
			email: 'new@example.com',
			additionalFields: { firstName: 'Ann' },
			options: { duplicateMergeMethod: 'update' },
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `${API}/contact/new%40example.com`, undefined],
			[
				'POST',
				`${API}/contact`,
				{
					contact: { mail: 'new@example.com', first_name: 'Ann' },
					duplicate_merge_method: 'update',
					duplicate_check_method: 'email',
				},
			],
		]);
		expect(api.requests.every((r) => r.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
		expect(output).toEqual([{ json: { id: 501, upsert: 'created' }, pairedItem: { item: 0 } }]);
	});

	test('a contact has the address → the same create (Quentn merges by email), upsert "updated"', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${API}/contact/ann%40example.com`)
			.reply(200, [{ id: 123, mail: 'ann@example.com' }]);
		api.scope.post(`${API}/contact`).reply(200, { id: 123 });
		const { output } = await run(
			{ email: '={{ $json.mail }}', additionalFields: { familyName: 'Doe' } },
			[{ mail: ' ann@example.com' }],
		);
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `${API}/contact/ann%40example.com`, undefined],
			[
				'POST',
				`${API}/contact`,
				{
					contact: { mail: 'ann@example.com', family_name: 'Doe' },
					duplicate_check_method: 'email',
				},
			],
		]);
		expect(output).toEqual([{ json: { id: 123, upsert: 'updated' }, pairedItem: { item: 0 } }]);
	});

	test('without a valid email nothing is sent for that item', async () => {
		const api = fakeApi(HOST);
		api.scope.get(/.*/).reply(200, []);
		api.scope.post(/.*/).reply(200, { id: 1 });
		const { output } = await run(
			{ email: '={{ $json.mail }}', additionalFields: {} },
			[{ mail: '' }, { mail: 'x@' }],
			true,
		);
		expect(api.requests).toHaveLength(0);
		expect(output.map((i) => [String(i.json.error), i.pairedItem])).toEqual([
			[expect.stringMatching(/Email/), { item: 0 }],
			[expect.stringMatching(/Email/), { item: 1 }],
		]);
	});
});
