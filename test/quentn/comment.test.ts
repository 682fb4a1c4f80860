import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API, API_KEY, HOST, comment, commentRange, credentials } from './fixtures';

afterEach(resetHttp);

const run = (parameters: Record<string, unknown>, continueOnFail = false) =>
	runNode({
		type: 'quentn',
		parameters: { resource: 'comment', contactId: '93', ...parameters },
		credentials,
		continueOnFail,
	});

/** `GET /contact/93/comments?range&limit&sort` over `total` comments (ids 1…total). */
function commentsApi(total: number) {
	const api = fakeApi(HOST);
	api.scope
		.get(`${API}/contact/93/comments`)
		.query(true)
		.times(10)
		.reply(200, (uri) => {
			const query = new URL(uri, HOST).searchParams;
			const range = Number(query.get('range') ?? 0);
			const limit = Math.min(50, Number(query.get('limit') ?? 50));
			const ids = Array.from({ length: total }, (_, index) => index + 1).slice(
				range * limit,
				range * limit + limit,
			);
			return commentRange(range, ids, total, limit);
		});
	return api;
}

describe('Quentn comments', () => {
	test('Return All over 3 ranges (120 comments): ranges 0–3 of 50 at once (one beyond the end), sort sent on every page', async () => {
		const api = commentsApi(120);
		const { output, error } = await run({
			operation: 'getAll',
			returnAll: true,
			options: { sort: 'desc' },
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((request) => request.query)).toEqual(
			[0, 1, 2, 3].map((range) => ({ range: String(range), limit: '50', sort: 'desc' })),
		);
		expect(api.requests[0].path).toBe(`${API}/contact/93/comments`);
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(output).toHaveLength(120);
		expect(output[0]).toEqual({ json: comment(1), pairedItem: { item: 0 } });
		expect(output.map((item) => item.json.id)).toEqual(
			Array.from({ length: 120 }, (_, index) => index + 1),
		);
	});

	test('8 full ranges: 4 in flight, and number_ranges keeps any range beyond the 8th from being asked for', async () => {
		const api = commentsApi(400);
		const { output } = await run({ operation: 'getAll', returnAll: true });
		expect(api.requests.map((request) => request.query.range)).toEqual([
			'0',
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
			'7',
		]);
		expect(output.map((item) => item.json.id)).toEqual(
			Array.from({ length: 400 }, (_, index) => index + 1),
		);
	});

	test('a limit of 60 reads 2 ranges and stops', async () => {
		const api = commentsApi(120);
		const { output } = await run({ operation: 'getAll', returnAll: false, limit: 60 });
		expect(api.requests.map((request) => request.query.range)).toEqual(['0', '1']);
		expect(output).toHaveLength(60);
	});

	test('create posts { comment } and outputs the answer', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${API}/contact/93/comments`).reply(200, { success: 'true', comment_id: 5 });
		const { output } = await run({ operation: 'create', comment: 'this is a comment' });
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			path: `${API}/contact/93/comments`,
			body: { comment: 'this is a comment' },
		});
		expect(output).toEqual([{ json: { success: 'true', comment_id: 5 }, pairedItem: { item: 0 } }]);
	});

	test('update puts { id, comment } with the id as a number', async () => {
		const api = fakeApi(HOST);
		api.scope.put(`${API}/contact/93/comments`).reply(200, { success: 'true' });
		const { output } = await run({
			operation: 'update',
			commentId: ' 5 ',
			comment: 'this is an updated comment',
		});
		expect(api.requests[0]).toMatchObject({
			method: 'PUT',
			path: `${API}/contact/93/comments`,
			body: { id: 5, comment: 'this is an updated comment' },
		});
		expect(output).toEqual([{ json: { success: 'true' }, pairedItem: { item: 0 } }]);
	});

	test('delete sends DELETE with the JSON array of comment ids as its body and outputs { deleted: true }', async () => {
		const api = fakeApi(HOST);
		api.scope
			.intercept(`${API}/contact/93/comments`, 'DELETE', [123])
			.reply(200, { success: 'true' });
		const { output, error } = await run({ operation: 'delete', commentId: '123' });
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `${API}/contact/93/comments`,
			body: [123],
		});
		expect(api.requests[0].headers['content-type']).toBe('application/json');
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});

	test.each(['abc', '1,2'])('comment ID %j is refused before sending', async (commentId) => {
		const api = fakeApi(HOST);
		api.scope.delete(`${API}/contact/93/comments`).optionally().reply(200, { success: 'true' });
		const { output } = await run({ operation: 'delete', commentId }, true);
		expect(api.requests).toHaveLength(0);
		expect(output).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({
					error: '"Comment ID" must be a number made of digits only',
				}),
				pairedItem: { item: 0 },
			}),
		]);
	});
});
