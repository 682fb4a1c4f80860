import type { IDataObject } from 'n8n-workflow';

/** What a paginator asks for: query parameters to set, and for next-link paging the link to follow. */
export interface PageRequest {
	qs: IDataObject;
	url?: string;
}

export type FetchPage = (page: PageRequest) => Promise<unknown>;

export interface Paginator {
	/** Every record exactly once, in order; with a limit, exactly `limit` records (or all there are). */
	collect(fetch: FetchPage, limit?: number): Promise<IDataObject[]>;
}

/** A value at a dotted path; `''` is the body itself. */
export function valueAt(body: unknown, path: string): unknown {
	if (path === '') return body;
	let current: unknown = body;
	for (const key of path.split('.')) {
		if (!current || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

function recordsAt(body: unknown, path: string): IDataObject[] {
	const value = valueAt(body, path);
	if (Array.isArray(value)) return value as IDataObject[];
	if (value === undefined || value === null) return [];
	throw new Error(`Expected a list at "${path || 'the response'}", got ${typeof value}`);
}

function wanted(limit: number | undefined, have: number, pageSize: number): number {
	return limit === undefined ? pageSize : Math.min(pageSize, limit - have);
}

async function sequential(
	fetch: FetchPage,
	limit: number | undefined,
	first: PageRequest,
	step: (body: unknown, page: PageRequest, got: number, have: number) => PageRequest | undefined,
	records: string,
): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	let page: PageRequest | undefined = first;
	while (page) {
		const body = await fetch(page);
		const got = recordsAt(body, records);
		out.push(...got);
		if (limit !== undefined && out.length >= limit) return out.slice(0, limit);
		page = got.length === 0 ? undefined : step(body, page, got.length, out.length);
	}
	return limit === undefined ? out : out.slice(0, limit);
}

export interface OffsetOptions {
	pageSize: number;
	limitParam?: string;
	offsetParam?: string;
	/** Where the records are in a page (`''` = the body is the list). */
	records: string;
	/** Where the total count is, if the API gives one (then pages can be fetched in parallel). */
	total?: string;
	/** Pages fetched at once after the first, when `total` is known. */
	concurrency?: number;
}

/** limit/offset paging. Stops on a short page, at the total, or when the limit is reached. */
export function offsetPaginator(options: OffsetOptions): Paginator {
	const limitParam = options.limitParam ?? 'limit';
	const offsetParam = options.offsetParam ?? 'offset';
	const page = (offset: number, size: number): PageRequest => ({
		qs: { [limitParam]: size, [offsetParam]: offset },
	});
	return {
		async collect(fetch, limit) {
			const firstSize = wanted(limit, 0, options.pageSize);
			if (firstSize <= 0) return [];
			if (!options.total || (options.concurrency ?? 1) <= 1) {
				return await sequential(
					fetch,
					limit,
					page(0, firstSize),
					(body, previous, got, have) => {
						const total = options.total ? Number(valueAt(body, options.total)) : NaN;
						if (got < Number(previous.qs[limitParam])) return undefined;
						if (!Number.isNaN(total) && have >= total) return undefined;
						return page(have, wanted(limit, have, options.pageSize));
					},
					options.records,
				);
			}
			// The first page tells the total; the rest are fetched with bounded concurrency, kept in order.
			const firstBody = await fetch(page(0, firstSize));
			const first = recordsAt(firstBody, options.records);
			const total = Number(valueAt(firstBody, options.total));
			const end = Math.min(Number.isFinite(total) ? total : first.length, limit ?? Infinity);
			if (first.length < firstSize || first.length >= end) return first.slice(0, end);
			const offsets: number[] = [];
			for (let offset = first.length; offset < end; offset += options.pageSize) offsets.push(offset);
			const pages: IDataObject[][] = new Array(offsets.length);
			let nextIndex = 0;
			const worker = async () => {
				while (nextIndex < offsets.length) {
					const index = nextIndex++;
					const offset = offsets[index];
					pages[index] = recordsAt(
						await fetch(page(offset, Math.min(options.pageSize, end - offset))),
						options.records,
					);
				}
			};
			await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 1, offsets.length) }, worker));
			const out = first.concat(...pages);
			// Records that arrived twice (the list changed between pages) are emitted once.
			const seen = new Set<unknown>();
			return out
				.filter((record) => {
					const id = record?.id;
					if (id === undefined) return true;
					if (seen.has(id)) return false;
					seen.add(id);
					return true;
				})
				.slice(0, end);
		},
	};
}

export interface CursorOptions {
	pageSize: number;
	sizeParam?: string;
	cursorParam?: string;
	records: string;
	/** Where the next cursor is in a page. */
	cursor?: string;
	/** Where the "more pages" flag is. */
	hasMore?: string;
}

/** cursor/has_more paging (ChartMogul style). */
export function cursorPaginator(options: CursorOptions): Paginator {
	const sizeParam = options.sizeParam ?? 'per_page';
	const cursorParam = options.cursorParam ?? 'cursor';
	return {
		async collect(fetch, limit) {
			const size = wanted(limit, 0, options.pageSize);
			if (size <= 0) return [];
			return await sequential(
				fetch,
				limit,
				{ qs: { [sizeParam]: size } },
				(body, _previous, _got, have) => {
					const cursor = valueAt(body, options.cursor ?? 'cursor');
					if (valueAt(body, options.hasMore ?? 'has_more') !== true || !cursor) return undefined;
					return { qs: { [sizeParam]: wanted(limit, have, options.pageSize), [cursorParam]: cursor } };
				},
				options.records,
			);
		},
	};
}

export interface NextLinkOptions {
	pageSize: number;
	sizeParam?: string;
	records: string;
	/** Where the link to the next page is (`links.next` in JSON:API). */
	next?: string;
}

/** Follows the `next` link until it is empty (JSON:API style). The page size stays the same on every page. */
export function nextLinkPaginator(options: NextLinkOptions): Paginator {
	const sizeParam = options.sizeParam ?? 'per_page';
	return {
		async collect(fetch, limit) {
			if (limit !== undefined && limit <= 0) return [];
			const qs = { [sizeParam]: options.pageSize };
			return await sequential(
				fetch,
				limit,
				{ qs },
				(body) => {
					const link = valueAt(body, options.next ?? 'links.next');
					return typeof link === 'string' && link !== '' ? { qs, url: link } : undefined;
				},
				options.records,
			);
		},
	};
}

export interface RangeOptions {
	pageSize: number;
	sizeParam?: string;
	rangeParam?: string;
	records: string;
	/** Where the number of pages is. */
	pages?: string;
}

/** Page-index paging (Quentn comments: `range` is the 0-based page, `number_ranges` the page count). */
export function rangePaginator(options: RangeOptions): Paginator {
	const sizeParam = options.sizeParam ?? 'limit';
	const rangeParam = options.rangeParam ?? 'range';
	return {
		async collect(fetch, limit) {
			if (limit !== undefined && limit <= 0) return [];
			return await sequential(
				fetch,
				limit,
				{ qs: { [rangeParam]: 0, [sizeParam]: options.pageSize } },
				(body, previous, got) => {
					const range = Number(previous.qs[rangeParam]) + 1;
					const pages = Number(valueAt(body, options.pages ?? 'number_ranges'));
					if (got < options.pageSize || (Number.isFinite(pages) && range >= pages)) return undefined;
					return { qs: { [rangeParam]: range, [sizeParam]: options.pageSize } };
				},
				options.records,
			);
		},
	};
}

/** The API returns the whole list at once (jtel): one request, the limit applied here. */
export function singlePage(records: string): Paginator {
	return {
		async collect(fetch, limit) {
			const all = recordsAt(await fetch({ qs: {} }), records);
			return limit === undefined ? all : all.slice(0, Math.max(0, limit));
		},
	};
}

/**
 * A lookup by a key such as an e-mail address: every match (no Return All / Limit, a lookup finds a handful),
 * and HTTP 404 means "no match", not an error (ChartMogul's customer search answers 404 when nothing matches).
 */
export function everyMatch(paginator: Paginator): Paginator {
	return {
		async collect(fetch) {
			const notFound = (error: unknown) => (error as { httpCode?: unknown }).httpCode === '404';
			// Any other error is passed on as it is (the executor's error, with the vendor's words).
			return await paginator.collect(async (page) => await fetch(page).catch((error: unknown) => (notFound(error) ? undefined : Promise.reject(error))));
		},
	};
}
