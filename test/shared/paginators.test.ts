import type { IDataObject } from 'n8n-workflow';

import type { PageRequest } from '../../nodes/shared/paginators';
import {
	cursorPaginator,
	everyMatch,
	nextLinkPaginator,
	offsetPaginator,
	rangePaginator,
	singlePage,
} from '../../nodes/shared/paginators';

const records = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: from + i }));
const ids = (list: IDataObject[]) => list.map((r) => r.id);

describe('offset paginator', () => {
	const all = records(1200);
	const fetchBare = (seen: PageRequest[]) => async (page: PageRequest) => {
		seen.push(page);
		const { offset, limit } = page.qs as { offset: number; limit: number };
		return all.slice(offset, offset + limit);
	};

	test('Return All stops on the short page (no total)', async () => {
		const seen: PageRequest[] = [];
		const out = await offsetPaginator({ pageSize: 500, records: '' }).collect(fetchBare(seen));
		expect(ids(out)).toEqual(ids(all));
		expect(seen.map((p) => p.qs)).toEqual([
			{ limit: 500, offset: 0 },
			{ limit: 500, offset: 500 },
			{ limit: 500, offset: 1000 },
		]);
	});

	test('a limit asks only for what is missing and returns exactly the limit', async () => {
		const seen: PageRequest[] = [];
		const out = await offsetPaginator({ pageSize: 500, records: '' }).collect(fetchBare(seen), 700);
		expect(out).toHaveLength(700);
		expect(seen.map((p) => p.qs)).toEqual([
			{ limit: 500, offset: 0 },
			{ limit: 200, offset: 500 },
		]);
	});

	test('with a total, the remaining pages go in parallel (bounded) and come back in order, once each', async () => {
		const total = 10_500;
		const data = records(total);
		let inFlight = 0;
		let most = 0;
		const seen: number[] = [];
		const out = await offsetPaginator({ pageSize: 1000, records: 'data', total: 'nbrofresults', concurrency: 4 }).collect(
			async (page) => {
				const { offset, limit } = page.qs as { offset: number; limit: number };
				seen.push(offset);
				inFlight++;
				most = Math.max(most, inFlight);
				await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
				inFlight--;
				return { data: data.slice(offset, offset + limit), nbrofresults: total };
			},
		);
		expect(seen).toHaveLength(11);
		expect(most).toBeLessThanOrEqual(4);
		expect(ids(out)).toEqual(ids(data));
	});
});

describe('cursor paginator', () => {
	const pages = [records(200), records(200, 200), records(50, 400)];
	const fetch = (seen: PageRequest[]) => async (page: PageRequest) => {
		seen.push(page);
		const index = page.qs.cursor ? Number(String(page.qs.cursor).slice(1)) : 0;
		return { entries: pages[index].slice(0, Number(page.qs.per_page)), cursor: `c${index + 1}`, has_more: index < 2 };
	};

	test('follows the cursor while has_more', async () => {
		const seen: PageRequest[] = [];
		const out = await cursorPaginator({ pageSize: 200, records: 'entries' }).collect(fetch(seen));
		expect(out).toHaveLength(450);
		expect(seen.map((p) => p.qs)).toEqual([{ per_page: 200 }, { per_page: 200, cursor: 'c1' }, { per_page: 200, cursor: 'c2' }]);
	});

	test('Limit 250 → two requests, 250 records', async () => {
		const seen: PageRequest[] = [];
		const out = await cursorPaginator({ pageSize: 200, records: 'entries' }).collect(fetch(seen), 250);
		expect(out).toHaveLength(250);
		expect(seen.map((p) => p.qs)).toEqual([{ per_page: 200 }, { per_page: 50, cursor: 'c1' }]);
	});
});

describe('every match (lookups)', () => {
	const paginator = cursorPaginator({ pageSize: 2, records: 'entries' });

	test('collects every page whatever limit is passed', async () => {
		const bodies = [{ entries: records(2), cursor: 'c1', has_more: true }, { entries: records(1, 2), has_more: false }];
		let call = 0;
		const out = await everyMatch(paginator).collect(async () => bodies[call++], 1);
		expect(ids(out)).toEqual([0, 1, 2]);
	});

	test('HTTP 404 is no match; other errors stay errors', async () => {
		const notFound = Object.assign(new Error('not found'), { httpCode: '404' });
		expect(await everyMatch(paginator).collect(async () => Promise.reject(notFound))).toEqual([]);
		const refused = Object.assign(new Error('forbidden'), { httpCode: '403' });
		await expect(everyMatch(paginator).collect(async () => Promise.reject(refused))).rejects.toThrow('forbidden');
	});
});

describe('next-link paginator', () => {
	test('follows links.next until it is null, keeping the page size', async () => {
		const seen: PageRequest[] = [];
		const out = await nextLinkPaginator({ pageSize: 100, records: 'data' }).collect(async (page) => {
			seen.push(page);
			const n = page.url ? Number(new URL(page.url).searchParams.get('page')) : 1;
			return { data: records(n < 3 ? 100 : 10, (n - 1) * 100), links: { next: n < 3 ? `https://x.test/c?page=${n + 1}` : null } };
		});
		expect(out).toHaveLength(210);
		expect(seen).toEqual([
			{ qs: { per_page: 100 } },
			{ qs: { per_page: 100 }, url: 'https://x.test/c?page=2' },
			{ qs: { per_page: 100 }, url: 'https://x.test/c?page=3' },
		]);
	});
});

describe('range paginator', () => {
	test('walks page indexes until number_ranges', async () => {
		const seen: PageRequest[] = [];
		const out = await rangePaginator({ pageSize: 50, records: 'comments' }).collect(async (page) => {
			seen.push(page);
			const range = Number(page.qs.range);
			return { comments: records(range < 2 ? 50 : 20, range * 50), number_ranges: 3 };
		});
		expect(out).toHaveLength(120);
		expect(seen.map((p) => p.qs.range)).toEqual([0, 1, 2]);
	});

	test('stops at the last range even when it is full', async () => {
		const seen: PageRequest[] = [];
		await rangePaginator({ pageSize: 50, records: 'comments' }).collect(async (page) => {
			seen.push(page);
			return { comments: records(50), number_ranges: 2 };
		});
		expect(seen).toHaveLength(2);
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
