import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BulkEntry } from '../../nodes/shared/bulk';
import { chunk, sendBulk } from '../../nodes/shared/bulk';

const node = { name: 'Vendor', type: 'test.vendor' } as INode;

/** Just what sendBulk reads of n8n's execute context: the input items, the node, continue-on-fail. */
function context(items: Array<{ email: string; tags?: string }>, continueOnFail = false) {
	return {
		getInputData: () => items.map((json) => ({ json })),
		getNode: () => node,
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

const emails = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ email: `c${i}@x.test`, tags: i % 2 ? 'b' : 'a' }));

describe('sendBulk', () => {
	test('chunks to the maximum, keeps input order and pairs every result with its item', async () => {
		const items = emails(250);
		const ctx = context(items);
		const sizes: number[] = [];
		const [out] = await sendBulk(ctx, {
			build: (i) => items[i],
			chunkSize: 100,
			noun: 'contacts',
			send: async (entries: Array<BulkEntry<{ email: string }>>) => {
				sizes.push(entries.length);
				return entries.map((e) => ({ json: { id: e.itemIndex + 1000, email: e.payload.email } }));
			},
		});
		expect(sizes).toEqual([100, 100, 50]);
		expect(out).toHaveLength(250);
		out.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toEqual({ id: i + 1000, email: `c${i}@x.test` });
		});
	});

	test('groups entries that must travel together', async () => {
		const items = emails(5);
		const groups: string[][] = [];
		await sendBulk(context(items), {
			build: (i) => items[i],
			groupBy: (payload) => payload.tags!,
			chunkSize: 2,
			noun: 'contacts',
			send: async (entries) => {
				groups.push(entries.map((e) => e.payload.email));
				return entries.map(() => ({ json: { ok: true } }));
			},
		});
		expect(groups).toEqual([['c0@x.test', 'c2@x.test'], ['c4@x.test'], ['c1@x.test', 'c3@x.test']]);
	});

	const withFailures = (continueOnFail: boolean) => {
		const items = emails(6);
		return sendBulk(context(items, continueOnFail), {
			build: (i) => {
				if (i === 1) throw new NodeOperationError(node, '"Email" is empty', { itemIndex: i });
				return items[i];
			},
			chunkSize: 3,
			noun: 'contacts',
			send: async (entries) =>
				entries.map((e) =>
					e.itemIndex === 4
						? { json: { email: e.payload.email }, error: 'Email is blocked' }
						: { json: { id: e.itemIndex } },
				),
		});
	};

	test('without continue on fail: everything is sent, then one error names each failed item', async () => {
		const error = await withFailures(false).catch((e: NodeOperationError) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe('2 of 6 contacts failed');
		expect((error as NodeOperationError).description).toMatch(
			/^item 1: "Email" is empty; item 4: Email is blocked\. The other 4 contacts were stored\./,
		);
	});

	test('with continue on fail: each failed item carries its error, in place', async () => {
		const [out] = await withFailures(true);
		expect(out.map((item) => item.json)).toEqual([
			{ id: 0 },
			{ error: '"Email" is empty' },
			{ id: 2 },
			{ id: 3 },
			{ email: 'c4@x.test', error: 'Email is blocked' },
			{ id: 5 },
		]);
		expect(out[4].error).toBeInstanceOf(NodeOperationError);
		expect(out.map((item) => item.pairedItem)).toEqual(out.map((_, i) => ({ item: i })));
	});

	test('a chunk whose request fails fails its own items only', async () => {
		const items = emails(4);
		const [out] = await sendBulk(context(items, true), {
			build: (i) => items[i],
			chunkSize: 2,
			noun: 'contacts',
			send: async (entries) => {
				if (entries[0].itemIndex === 0) throw new Error('Vendor: 500');
				return entries.map(() => ({ json: { ok: true } }));
			},
		});
		expect(out.map((item) => item.json)).toEqual([
			{ error: 'Vendor: 500' },
			{ error: 'Vendor: 500' },
			{ ok: true },
			{ ok: true },
		]);
	});

	test('a vendor answer that does not match the chunk is an error, not a guess', async () => {
		const items = emails(3);
		const [out] = await sendBulk(context(items, true), {
			build: (i) => items[i],
			chunkSize: 3,
			noun: 'contacts',
			send: async () => [{ json: { id: 1 } }],
		});
		expect(
			out.every((item) => /answered 1 results for 3 contacts/.test(String(item.json.error))),
		).toBe(true);
	});

	test('chunk', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunk([], 3)).toEqual([]);
	});
});
