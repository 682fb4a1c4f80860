import type { IDataObject } from 'n8n-workflow';

import type { PageRequest } from '../../nodes/shared/paginators';
import { quentn } from '../../nodes/Quentn/transport';
import { ticketmatic } from '../../nodes/Ticketmatic/transport';
import { ticketSource } from '../../nodes/TicketSource/transport';
import {
	PAGES_IN_FLIGHT,
	PagingError,
	addressablePaginator,
	cursorPaginator,
	everyMatch,
	singlePage,
} from '../../nodes/shared/paginators';

const records = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: from + i }));
const ids = (list: IDataObject[]) => list.map((r) => r.id);

/** Lets other requests run first: answers arrive out of order without any clock. */
const turns = async (n: number) => {
	for (let i = 0; i < n; i++) await Promise.resolve();
};

/**
 * A server over `all` that answers `limit`/`offset` (or `page`/`per_page`) requests, out of order (later pages
 * answer sooner), capping the page length at `cap`; it logs every request and the most that were in flight at once.
 */
function server(
	all: IDataObject[],
	{
		cap = Infinity,
		shape = 'bare',
		byPage = false,
	}: { cap?: number; shape?: 'bare' | 'total' | 'nullTotal' | 'links'; byPage?: boolean } = {},
) {
	const seen: PageRequest[] = [];
	let inFlight = 0;
	const stats = { most: 0 };
	const fetch = async (page: PageRequest) => {
		seen.push(page);
		inFlight++;
		stats.most = Math.max(stats.most, inFlight);
		const asked = Number(byPage ? page.qs.per_page : page.qs.limit);
		const length = Math.min(asked, cap);
		const start = byPage ? (Number(page.qs.page) - 1) * length : Number(page.qs.offset);
		await turns(20 - Math.min(19, seen.length));
		inFlight--;
		const data = all.slice(start, start + length);
		if (shape === 'bare') return data;
		if (shape === 'total') return { data, nbrofresults: all.length };
		if (shape === 'nullTotal') return { data, nbrofresults: null };
		return {
			data,
			links: {
				next:
					start + length < all.length ? `https://x.test/c?page=${Number(page.qs.page) + 1}` : null,
			},
		};
	};
	return { fetch, seen, stats };
}

describe('addressable paginator (offset)', () => {
	/** Ticketmatic's shape: `data` and `nbrofresults`, 1000 asked per page. */
	const contacts = () =>
		addressablePaginator({
			pageSize: 1000,
			sizeParam: 'limit',
			records: 'data',
			total: 'nbrofresults',
		});
	const terms = (k?: number) =>
		addressablePaginator({
			pageSize: 500,
			sizeParam: 'limit',
			offsetParam: 'offset',
			records: '',
			inFlight: k,
		});

	test('Return All: every record once, in order, 4 pages in flight, ended by the short page within k − 1 extra requests', async () => {
		const all = records(1200);
		const api = server(all);
		const out = await terms().collect(api.fetch);
		expect(ids(out)).toEqual(ids(all));
		expect(api.stats.most).toBe(4);
		// ceil(1200 / 500) = 3 pages hold records; while the 3rd was read, k − 1 = 3 more were in flight.
		expect(api.seen.map((p) => p.qs)).toEqual(
			[0, 500, 1000, 1500, 2000, 2500].map((offset) => ({ limit: 500, offset })),
		);
	});

	test('a long list keeps k pages in flight and asks for at most k − 1 pages beyond the empty one that ends it', async () => {
		const all = records(10_000);
		const api = server(all);
		const out = await terms().collect(api.fetch);
		expect(ids(out)).toEqual(ids(all));
		// 20 full pages; only the 21st (empty) page can tell that the list ended (no total): 21 + 3 in flight.
		expect(api.seen).toHaveLength(24);
		expect(api.stats.most).toBe(4);
	});

	test('k = 1 is strictly one page after another', async () => {
		const api = server(records(1200));
		await terms(1).collect(api.fetch);
		expect(api.stats.most).toBe(1);
		expect(api.seen.map((p) => p.qs.offset)).toEqual([0, 500, 1000]);
	});

	test('a Limit asks only for the pages it needs, the last one for the records still missing', async () => {
		const api = server(records(5000));
		const out = await terms().collect(api.fetch, 1200);
		expect(ids(out)).toEqual(ids(records(1200)));
		expect(api.seen.map((p) => p.qs)).toEqual([
			{ limit: 500, offset: 0 },
			{ limit: 500, offset: 500 },
			{ limit: 200, offset: 1000 },
		]);
	});

	test('a Limit within one page is one request for exactly that many', async () => {
		const api = server(records(5000));
		const out = await terms().collect(api.fetch, 30);
		expect(out).toHaveLength(30);
		expect(api.seen.map((p) => p.qs)).toEqual([{ limit: 30, offset: 0 }]);
	});

	test('with a total, no page beyond it is asked for (exact multiple: no extra request)', async () => {
		const all = records(10_000);
		const api = server(all, { shape: 'total' });
		const out = await contacts().collect(api.fetch);
		expect(ids(out)).toEqual(ids(all));
		expect(api.seen.map((p) => p.qs.offset)).toEqual(
			Array.from({ length: 10 }, (_, i) => i * 1000),
		);
	});

	test('a null total does not cut the list to its first page (#12.4): paging goes on to the short page', async () => {
		const all = records(2500);
		const api = server(all, { shape: 'nullTotal' });
		const out = await contacts().collect(api.fetch);
		expect(ids(out)).toEqual(ids(all));
		// 3 pages, 3 beyond them in flight, and the one page right after the short one (empty: the end).
		expect(api.seen.length).toBeLessThanOrEqual(3 + 3 + 1);
		expect(api.seen.at(-1)?.qs).toEqual({ limit: 500, offset: 2500 });
	});

	test('a capped page length and no total (null): the page right after the short one tells, nothing is cut off', async () => {
		const all = records(350);
		const api = server(all, { shape: 'nullTotal', cap: 100 });
		const out = await contacts().collect(api.fetch);
		// Was 100: the page after the short one, at offset 1000, is empty whether the list ended or not.
		expect(ids(out)).toEqual(ids(all));
		expect(api.seen.slice(4).map((p) => p.qs)).toEqual([
			...[100, 200, 300].map((offset) => ({ limit: 100, offset })),
			{ limit: 50, offset: 350 }, // after the short page of 50: empty, the end
		]);
	});

	test('a server that caps the page length below the asked one (total known): the rest one page after another at its length', async () => {
		const all = records(2500);
		const api = server(all, { shape: 'total', cap: 400 });
		const out = await contacts().collect(api.fetch);
		expect(ids(out)).toEqual(ids(all));
		// 4 asked at once with limit 1000; from the first answer on: 400 at a time from offset 400 up to the total.
		expect(api.seen.slice(4).map((p) => p.qs)).toEqual([
			...[400, 800, 1200, 1600, 2000].map((offset) => ({ limit: 400, offset })),
			{ limit: 100, offset: 2400 },
		]);
	});

	test('a capped page length is also found without a total, when the page after the short one is not empty', async () => {
		const all = records(3000);
		const api = server(all, { cap: 200 });
		const out = await terms().collect(api.fetch);
		expect(ids(out)).toEqual(ids(all));
		// From offset 200 on, 200 at a time, until the empty page at 3000 (no total: only a short page ends it).
		expect(api.seen.slice(4).map((p) => p.qs)).toEqual(
			Array.from({ length: 15 }, (_, i) => ({ limit: 200, offset: 200 + i * 200 })),
		);
	});

	test('a server that ignores the offset stops with an error naming the page, within k + 1 requests', async () => {
		const api = { seen: [] as PageRequest[] };
		const error = await terms()
			.collect(async (page) => {
				api.seen.push(page);
				return records(500);
			})
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PagingError);
		expect((error as Error).message).toBe(
			'page 2 (limit=500, offset=500) returned the same records as page 1 (limit=500, offset=0): the server did not move on, so the list would never end',
		);
		expect(api.seen.length).toBeLessThanOrEqual(5);
	});

	test('a server alternating between two pages stops at the third page, naming both (#26.5)', async () => {
		const seen: PageRequest[] = [];
		const alternating = async (page: PageRequest) => {
			seen.push(page);
			return records(500, seen.length % 2 === 1 ? 0 : 500);
		};
		const error = await addressablePaginator({
			pageSize: 500,
			sizeParam: 'limit',
			records: '',
			inFlight: 1,
		})
			.collect(alternating)
			.catch((e: unknown) => e);
		expect((error as Error).message).toBe(
			'page 3 (limit=500, offset=1000) returned the same records as page 1 (limit=500, offset=0): the server came back to an earlier page, so the list would never end',
		);
		expect(seen).toHaveLength(3);
		// With k pages in flight, at most k − 1 requests more than the three read.
		seen.length = 0;
		await terms()
			.collect(alternating)
			.catch(() => undefined);
		expect(seen.length).toBeLessThanOrEqual(3 + PAGES_IN_FLIGHT - 1);
	});

	test('a list longer than the page cap stops with an error', async () => {
		let n = 0;
		const error = await addressablePaginator({
			pageSize: 10,
			sizeParam: 'limit',
			records: '',
			maxPages: 50,
		})
			.collect(async () => records(10, 10 * n++))
			.catch((e: unknown) => e);
		expect((error as Error).message).toMatch(
			/^page 51 \(.*\) is beyond 50 pages, the most one list may take/,
		);
		expect(n).toBeLessThanOrEqual(54);
	});

	test('a page asked beyond the end may fail; a page before the end may not', async () => {
		const beyond = await terms().collect(async (page) => {
			if (Number(page.qs.offset) >= 1000) throw new Error('no such range');
			return records(Number(page.qs.offset) === 0 ? 500 : 20, Number(page.qs.offset));
		});
		expect(beyond).toHaveLength(520);
		const before = await terms()
			.collect(async (page) => {
				if (Number(page.qs.offset) === 500) throw new Error('boom');
				return records(500, Number(page.qs.offset));
			})
			.catch((e: unknown) => e);
		expect((before as Error).message).toBe('boom');
	});

	test('no request outlives the list: pages still in flight are awaited before it returns', async () => {
		let open = 0;
		await terms().collect(async (page) => {
			open++;
			await turns(Number(page.qs.offset) / 100);
			open--;
			return records(page.qs.offset === 0 ? 10 : 0);
		});
		expect(open).toBe(0);
	});

	test('a record that moved to the next page while the list was read is output once', async () => {
		const out = await addressablePaginator({
			pageSize: 3,
			sizeParam: 'limit',
			records: '',
		}).collect(async (page) => {
			const offset = Number(page.qs.offset);
			// One record was inserted in front after the first page was read: everything moved one place on.
			const list = offset === 0 ? records(7) : [{ id: -1 }, ...records(7)];
			return list.slice(offset, offset + 3);
		});
		expect(ids(out)).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});
});

test.each([
	['Quentn', quentn.policy.maxInFlight],
	['Ticketmatic', ticketmatic.policy.maxInFlight],
	['TicketSource', ticketSource.policy.maxInFlight],
])("%s: the pages in flight stay within the vendor's in-flight cap", (_vendor, cap) => {
	expect(PAGES_IN_FLIGHT).toBeLessThanOrEqual(cap);
});

describe('addressable paginator (page number)', () => {
	const tickets = () =>
		addressablePaginator({
			pageSize: 100,
			sizeParam: 'per_page',
			pageParam: 'page',
			firstPage: 1,
			records: 'data',
			more: 'links.next',
		});

	test('pages 1, 2, 3 … in flight 4 at a time; a full last page whose next link is null ends the list', async () => {
		const all = records(1000);
		const api = server(all, { shape: 'links', byPage: true });
		const out = await tickets().collect(api.fetch);
		expect(ids(out)).toEqual(ids(all));
		expect(api.stats.most).toBe(4);
		// ceil(1000 / 100) = 10 pages + at most k − 1 = 3 asked beyond.
		expect(api.seen.map((p) => p.qs.page)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
		expect(api.seen.every((p) => p.qs.per_page === 100)).toBe(true);
	});

	test('a Limit keeps the page length (pages are numbered in it) and asks for no page it does not need', async () => {
		const api = server(records(1000), { shape: 'links', byPage: true });
		const out = await tickets().collect(api.fetch, 150);
		expect(ids(out)).toEqual(ids(records(150)));
		expect(api.seen.map((p) => p.qs)).toEqual([
			{ page: 1, per_page: 100 },
			{ page: 2, per_page: 100 },
		]);
		const small = server(records(1000), { shape: 'links', byPage: true });
		await tickets().collect(small.fetch, 20);
		expect(small.seen.map((p) => p.qs)).toEqual([{ page: 1, per_page: 20 }]);
	});

	test("a capped per_page (next link still set on a short page): the rest in the server's page length, one after another", async () => {
		const all = records(450);
		const api = server(all, { shape: 'links', byPage: true, cap: 50 });
		const out = await tickets().collect(api.fetch);
		expect(ids(out)).toEqual(ids(all));
		expect(api.seen.slice(4).map((p) => p.qs.page)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
	});

	test('Quentn-style ranges: the page count ends the list, no page beyond it', async () => {
		const comments = records(120);
		const seen: number[] = [];
		const out = await addressablePaginator({
			pageSize: 50,
			sizeParam: 'limit',
			pageParam: 'range',
			firstPage: 0,
			records: 'comments',
			pageCount: 'number_ranges',
			inFlight: 1,
		}).collect(async (page) => {
			seen.push(Number(page.qs.range));
			const range = Number(page.qs.range);
			return { comments: comments.slice(range * 50, range * 50 + 50), number_ranges: 3 };
		});
		expect(ids(out)).toEqual(ids(comments));
		expect(seen).toEqual([0, 1, 2]);
	});
});

describe('cursor paginator', () => {
	const pages = [records(200), records(200, 200), records(50, 400)];
	const fetch = (seen: PageRequest[]) => async (page: PageRequest) => {
		seen.push(page);
		const index = page.qs.cursor ? Number(String(page.qs.cursor).slice(1)) : 0;
		return {
			entries: pages[index].slice(0, Number(page.qs.per_page)),
			cursor: `c${index + 1}`,
			has_more: index < 2,
		};
	};

	test('follows the cursor while has_more', async () => {
		const seen: PageRequest[] = [];
		const out = await cursorPaginator({ pageSize: 200, records: 'entries' }).collect(fetch(seen));
		expect(out).toHaveLength(450);
		expect(seen.map((p) => p.qs)).toEqual([
			{ per_page: 200 },
			{ per_page: 200, cursor: 'c1' },
			{ per_page: 200, cursor: 'c2' },
		]);
	});

	test('Limit 250 → two requests, 250 records', async () => {
		const seen: PageRequest[] = [];
		const out = await cursorPaginator({ pageSize: 200, records: 'entries' }).collect(
			fetch(seen),
			250,
		);
		expect(out).toHaveLength(250);
		expect(seen.map((p) => p.qs)).toEqual([{ per_page: 200 }, { per_page: 50, cursor: 'c1' }]);
	});

	test('a cursor that does not move on stops the list at the second request, naming the page (#12.3)', async () => {
		let calls = 0;
		const error = await cursorPaginator({ pageSize: 2, records: 'entries' })
			.collect(async () => ({ entries: records(2, 2 * calls++), cursor: 'same', has_more: true }))
			.catch((e: unknown) => e);
		expect((error as Error).message).toBe(
			'page 2 (per_page=2, cursor=same) returned the cursor "same" that page 1 (per_page=2) returned already: the list would never end',
		);
		expect(calls).toBe(2);
	});

	test('a new cursor that returns the same page again also stops the list', async () => {
		let calls = 0;
		const error = await cursorPaginator({ pageSize: 2, records: 'entries' })
			.collect(async () => ({ entries: records(2), cursor: `c${calls++}`, has_more: true }))
			.catch((e: unknown) => e);
		expect((error as Error).message).toMatch(
			/^page 2 \(per_page=2, cursor=c0\) returned the same records as page 1/,
		);
		expect(calls).toBe(2);
	});

	test('new cursors that alternate between two pages stop the list at the third request (#26.5)', async () => {
		let calls = 0;
		const error = await cursorPaginator({ pageSize: 2, records: 'entries' })
			.collect(async () => ({
				entries: records(2, 2 * (calls % 2)),
				cursor: `c${++calls}`,
				has_more: true,
			}))
			.catch((e: unknown) => e);
		expect((error as Error).message).toBe(
			'page 3 (per_page=2, cursor=c2) returned the same records as page 1 (per_page=2): the server came back to an earlier page, so the list would never end',
		);
		expect(calls).toBe(3);
	});

	test('cursors A, B, A stop the list at the third request, naming the page that gave A first', async () => {
		let calls = 0;
		const error = await cursorPaginator({ pageSize: 2, records: 'entries' })
			.collect(async () => ({
				entries: records(2, 2 * calls),
				cursor: ['A', 'B'][calls++ % 2],
				has_more: true,
			}))
			.catch((e: unknown) => e);
		expect((error as Error).message).toBe(
			'page 3 (per_page=2, cursor=B) returned the cursor "A" that page 1 (per_page=2) returned already: the list would never end',
		);
		expect(calls).toBe(3);
	});

	test('has_more without a cursor is an error, not a silently short list', async () => {
		const error = await cursorPaginator({ pageSize: 2, records: 'entries' })
			.collect(async () => ({ entries: records(2), has_more: true }))
			.catch((e: unknown) => e);
		expect((error as Error).message).toBe(
			'page 1 (per_page=2) says more records follow but gives no cursor to ask for them',
		);
	});
});

describe('every match (lookups)', () => {
	const paginator = cursorPaginator({ pageSize: 2, records: 'entries' });

	test('collects every page whatever limit is passed', async () => {
		const bodies = [
			{ entries: records(2), cursor: 'c1', has_more: true },
			{ entries: records(1, 2), has_more: false },
		];
		let call = 0;
		const out = await everyMatch(paginator).collect(async () => bodies[call++], 1);
		expect(ids(out)).toEqual([0, 1, 2]);
	});
});

describe('single page', () => {
	test('applies the limit to a list returned whole', async () => {
		let calls = 0;
		const out = await singlePage('records').collect(async () => {
			calls++;
			return { records: records(40), count: 40 };
		}, 5);
		expect(calls).toBe(1);
		expect(ids(out)).toEqual([0, 1, 2, 3, 4]);
	});
});
