import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { HOST, PREFIX, hmacCredentials, verifyHmac } from './fixtures';

afterEach(resetHttp);

const run = (parameters: Record<string, unknown>) =>
	runNode({
		type: 'ticketmatic',
		parameters: { resource: 'remark', ...parameters },
		credentials: hmacCredentials,
	});

const remark = (extra: Record<string, unknown> = {}) => ({
	id: 501,
	content: 'Prefers aisle seats',
	pinned: true,
	...extra,
});

describe('Ticketmatic remark', () => {
	test('create, get, update and delete', async () => {
		const api = fakeApi(HOST);
		api.scope
			.post(`${PREFIX}/contacts/42/remarks`)
			.reply(200, remark())
			.get(`${PREFIX}/contacts/42/remarks/501`)
			.reply(200, remark())
			.put(`${PREFIX}/contacts/42/remarks/501`)
			.reply(200, remark({ pinned: false }))
			.delete(`${PREFIX}/contacts/42/remarks/501`)
			.reply(200, '');

		const created = await run({
			operation: 'create',
			contactId: '42',
			content: 'Prefers aisle seats',
			pinned: true,
		});
		expect(created.output).toEqual([{ json: remark(), pairedItem: { item: 0 } }]);
		const got = await run({ operation: 'get', contactId: '42', remarkId: '501' });
		expect(got.output).toEqual([{ json: remark(), pairedItem: { item: 0 } }]);
		const updated = await run({
			operation: 'update',
			contactId: '42',
			remarkId: '501',
			updateFields: { pinned: false },
		});
		expect(updated.output).toEqual([{ json: remark({ pinned: false }), pairedItem: { item: 0 } }]);
		const removed = await run({ operation: 'delete', contactId: '42', remarkId: '501' });
		expect(removed.output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);

		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', `${PREFIX}/contacts/42/remarks`, { content: 'Prefers aisle seats', pinned: true }],
			['GET', `${PREFIX}/contacts/42/remarks/501`, undefined],
			['PUT', `${PREFIX}/contacts/42/remarks/501`, { pinned: false }],
			['DELETE', `${PREFIX}/contacts/42/remarks/501`, undefined],
		]);
		expect(api.requests.every((r) => verifyHmac(r.headers.authorization).ok)).toBe(true);
	});

	test('an empty remark id sends nothing and names the field', async () => {
		const api = fakeApi(HOST);
		api.scope.get(/.*/).reply(200, {});
		const { error } = await run({ operation: 'get', contactId: '42', remarkId: ' ' });
		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe('"Remark ID" is empty');
	});
});
