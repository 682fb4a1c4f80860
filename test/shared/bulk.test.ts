import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BulkEntry, BulkResult } from '../../nodes/shared/bulk';
import { sendBulk } from '../../nodes/shared/bulk';
import { networkError } from '../../nodes/shared/errors';

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
});

/** A promise with its resolve and reject outside. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return { promise, resolve, reject };
}

/** Lets every pending promise callback run (no timers, no clock). */
const settle = async () => {
	for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('sendBulk: chunks in flight at once', () => {
	/** A send whose answers the test gives by hand; logs which chunk was sent when, and how many were open. */
	function manualVendor() {
		const log: string[] = [];
		const open = new Map<number, ReturnType<typeof deferred<BulkResult[]>>>();
		let most = 0;
		const calls: number[] = [];
		const send = async (entries: Array<BulkEntry<{ email: string }>>) => {
			const first = entries[0].itemIndex;
			calls.push(first);
			log.push(`send ${first}`);
			const answer = deferred<BulkResult[]>();
			open.set(first, answer);
			most = Math.max(most, open.size);
			try {
				return await answer.promise;
			} finally {
				open.delete(first);
			}
		};
		const answer = (first: number, entries: number) =>
			open
				.get(first)!
				.resolve(Array.from({ length: entries }, (_, i) => ({ json: { id: first + i + 1000 } })));
		return { log, open, send, answer, calls, most: () => most };
	}

	test('at most inFlight chunks are open at once; the next goes as soon as one is answered (counted)', async () => {
		const items = emails(10);
		const vendor = manualVendor();
		const run = sendBulk(context(items), {
			build: (i) => items[i],
			chunkSize: 1,
			inFlight: 3,
			noun: 'contacts',
			send: vendor.send,
		});
		await settle();
		expect([...vendor.open.keys()]).toEqual([0, 1, 2]);
		vendor.answer(1, 1);
		await settle();
		expect([...vendor.open.keys()]).toEqual([0, 2, 3]);
		for (let i = 0; i < 10; i++) {
			if (vendor.open.has(i)) vendor.answer(i, 1);
			await settle();
		}
		const [out] = await run;
		expect(vendor.most()).toBe(3);
		expect(vendor.calls).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(out.map((item) => item.json.id)).toEqual(items.map((_, i) => i + 1000));
	});

	test('order: chunks go in input order, the next as soon as one is answered; answers out of order still give results in input order', async () => {
		const items = emails(12);
		const vendor = manualVendor();
		const run = sendBulk(context(items), {
			build: (i) => items[i],
			chunkSize: 3,
			inFlight: 2,
			noun: 'contacts',
			send: vendor.send,
		});
		await settle();
		expect(vendor.log).toEqual(['send 0', 'send 3']);
		// The vendor answers the second chunk first: the third goes at once, into its place.
		vendor.answer(3, 3);
		await settle();
		expect(vendor.log).toEqual(['send 0', 'send 3', 'send 6']);
		for (const first of [6, 0, 9]) {
			vendor.answer(first, 3);
			await settle();
		}
		const [out] = await run;
		expect(vendor.log).toEqual(['send 0', 'send 3', 'send 6', 'send 9']);
		expect(out.map((item) => [item.json.id, item.pairedItem])).toEqual(
			items.map((_, i) => [i + 1000, { item: i }]),
		);
	});

	test('a chunk whose answer was lost after sending is not sent again: its items are unknown, naming the chunk; the others keep their own results', async () => {
		const items = emails(6);
		const sends: number[] = [];
		const lost = networkError(
			node,
			{ vendor: 'Vendor', credentials: '' },
			{ code: 'ECONNRESET', detail: 'socket hang up', attempts: 1, sent: true },
			[],
		);
		const [out] = await sendBulk(context(items, true), {
			build: (i) => items[i],
			chunkSize: 2,
			inFlight: 2,
			noun: 'contacts',
			send: async (entries) => {
				sends.push(entries[0].itemIndex);
				if (entries[0].itemIndex === 2) throw lost;
				return entries.map((e) => ({ json: { id: e.itemIndex } }));
			},
		});
		expect(sends).toEqual([0, 2, 4]);
		expect(out.map((item) => item.json.error ?? item.json.id)).toEqual([
			0,
			1,
			'Unknown: check before re-running (bulk request 2 of 3 (2 contacts: items 2 to 3))',
			'Unknown: check before re-running (bulk request 2 of 3 (2 contacts: items 2 to 3))',
			4,
			5,
		]);
		expect((out[2].error as NodeOperationError).description).toMatch(
			/^The answer to bulk request 2 of 3 \(2 contacts: items 2 to 3\) was lost after it was sent, so the vendor may have stored it\. It was not sent again/,
		);
	});

	test('without continue on fail, the node error counts the unknown items apart', async () => {
		const items = emails(4);
		const error = await sendBulk(context(items), {
			build: (i) => items[i],
			chunkSize: 2,
			noun: 'contacts',
			send: async (entries) => {
				if (entries[0].itemIndex === 0)
					throw networkError(
						node,
						{ vendor: 'Vendor', credentials: '' },
						{ code: 'ETIMEDOUT', detail: 'timeout', attempts: 1, sent: true },
						[],
					);
				return entries.map(() => ({ json: { ok: true } }));
			},
		}).catch((e: NodeOperationError) => e);
		expect((error as NodeOperationError).message).toBe(
			'2 of 4 contacts failed (2 unknown: check before re-running)',
		);
	});

	test('a failure before anything reached the vendor is a plain failure, not unknown', async () => {
		const items = emails(2);
		const [out] = await sendBulk(context(items, true), {
			build: (i) => items[i],
			chunkSize: 2,
			noun: 'contacts',
			send: async () => {
				throw networkError(
					node,
					{ vendor: 'Vendor', credentials: '' },
					{ code: 'ECONNREFUSED', detail: 'refused', attempts: 1, sent: false },
					[],
				);
			},
		});
		expect(out.map((item) => item.json.error)).toEqual([
			'Could not reach Vendor: nothing answers at this address (connection refused)',
			'Could not reach Vendor: nothing answers at this address (connection refused)',
		]);
	});
});
