/** Version 2: term and comment are resource locators; contacts stay IDs (Quentn cannot list them). */
import type { IDataObject } from 'n8n-workflow';

import { runListSearch, runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API, API_KEY, HOST, comment, commentRange, credentials, term } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject) =>
	runNode({ type: 'quentn', typeVersion: 2, parameters, credentials });
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

describe('Quentn version 2', () => {
	test.each([
		['list', '12', '/terms/12'],
		['id', 'Newsletter', '/terms/Newsletter'],
	])('term get: a %s locator value goes into the path', async (mode, value, path) => {
		const api = fakeApi(HOST);
		api.scope.get(`${API}${path}`).reply(200, term(12, 'Newsletter'));

		const { output, error } = await run({
			resource: 'term',
			operation: 'get',
			termId: locator(mode, value),
		});

		expect(error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${API}${path}`]);
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(output).toEqual([{ json: term(12, 'Newsletter'), pairedItem: { item: 0 } }]);
	});

	test('comment update: the comment locator value is the body id', async () => {
		const api = fakeApi(HOST);
		api.scope.put(`${API}/contact/93/comments`).reply(200, { success: true });

		const { error } = await run({
			resource: 'comment',
			operation: 'update',
			contactId: '93',
			commentId: locator('list', '7'),
			comment: 'New text',
		});

		expect(error).toBeUndefined();
		expect(api.requests[0]).toMatchObject({ method: 'PUT', path: `${API}/contact/93/comments` });
		expect(api.requests[0].body).toEqual({ id: 7, comment: 'New text' });
	});

	test('comment delete: the comment locator value is the body list', async () => {
		const api = fakeApi(HOST);
		api.scope.delete(`${API}/contact/93/comments`).reply(200, { success: true });

		const { output } = await run({
			resource: 'comment',
			operation: 'delete',
			contactId: '93',
			commentId: locator('id', ' 8 '),
		});

		expect(api.requests[0].body).toEqual([8]);
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});

	test('a mapped comment ID that is not a number is refused before sending', async () => {
		const api = fakeApi(HOST);
		const { error } = await run({
			resource: 'comment',
			operation: 'delete',
			contactId: '93',
			commentId: locator('id', '={{ "8; 9" }}'),
		});
		expect(api.requests).toHaveLength(0);
		expect(error?.message).toMatch(/"Comment ID"/);
	});
});

describe('Quentn locator lists', () => {
	test('comments of the contact chosen above, newest first, one range per page', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${API}/contact/93/comments`)
			.query({ range: '1', limit: '50', sort: 'desc' })
			.reply(200, {
				...commentRange(1, [4, 3], 102),
				comments: [comment(4), { ...comment(3), comment: 'Called back\nsecond line' }],
			});

		const result = await runListSearch({
			type: 'quentn',
			typeVersion: 2,
			method: 'searchComments',
			credentials,
			parameters: { resource: 'comment', operation: 'update', contactId: '93' },
			paginationToken: '1',
		});

		expect(result).toEqual({
			results: [
				{ name: 'Called back', value: '3' },
				{ name: 'comment 4', value: '4' },
			],
			paginationToken: '2',
		});
	});

	test("terms: the account's terms by name", async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${API}/terms`)
			.query(true)
			.reply(200, [term(2, 'VIP'), term(1, 'Newsletter')]);

		const result = await runListSearch({
			type: 'quentn',
			typeVersion: 2,
			method: 'searchTerms',
			credentials,
			filter: 'news',
		});

		expect(result.results).toEqual([
			{ name: 'Newsletter', value: '1', description: 'About Newsletter' },
		]);
	});
});
