import type { IDataObject } from 'n8n-workflow';
import { createHash } from 'crypto';

/** What a paginator asks for: the query parameters of one page (on top of the operation's own). */
export interface PageRequest {
	qs: IDataObject;
}

type FetchPage = (page: PageRequest) => Promise<unknown>;

export interface Paginator {
	/** Every record exactly once, in order; with a limit, exactly `limit` records (or all there are). */
	collect(fetch: FetchPage, limit?: number): Promise<IDataObject[]>;
}

/** Pages one list may take before it is stopped: a list that never ends is a server fault, not data. */
const MAX_PAGES = 10_000;

/** Pages in flight at once where pages are addressable (each vendor's in-flight cap is at least this). */
export const PAGES_IN_FLIGHT = 4;

/**
 * A list that cannot go on without looping or losing records. `page` is 1-based and `request` the query that
 * produced it, so the error can name both; the transport adds which list it was.
 */
export class PagingError extends Error {
	constructor(
		readonly page: number,
		readonly request: PageRequest,
		reason: string,
	) {
		super(`page ${page} (${describePage(request)}) ${reason}`);
		this.name = 'PagingError';
	}
}

function describePage(request: PageRequest): string {
	return Object.entries(request.qs)
		.map(([key, value]) => `${key}=${String(value)}`)
		.join(', ');
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

/** A finite number at `path`, or undefined (missing, `null`, not a number). */
function numberAt(body: unknown, path: string | undefined): number | undefined {
	if (path === undefined) return undefined;
	const value = valueAt(body, path);
	if (value === null || value === undefined || value === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}

/** A page read earlier in one list: its number (1-based) and the query that produced it. */
interface SeenPage {
	page: number;
	request: PageRequest;
}

/** "page 1 (offset=0, limit=100)": a page as an error names it. */
function namePage(seen: SeenPage): string {
	const query = describePage(seen.request);
	return query ? `page ${seen.page} (${query})` : `page ${seen.page}`;
}

/**
 * The records of a list, page by page, with the guards every list needs: a page that repeats any earlier page of
 * the list (the server ignored the page address or the cursor, or alternates between pages) and a list longer than
 * `maxPages` stop with a PagingError instead of looping. With `once`, each record is output once by its `id` (pages
 * addressed by position: a record that moved on to the next page while the list was read is not output twice).
 */
class Pages {
	readonly out: IDataObject[] = [];
	private readonly ids = new Set<unknown>();
	/** Each non-empty page read so far, by a hash of its length, first and last record. */
	private readonly seen = new Map<string, SeenPage>();
	private count = 0;

	private readonly maxPages: number;
	private readonly once: boolean;

	constructor({ maxPages, once }: { maxPages: number; once: boolean }) {
		this.maxPages = maxPages;
		this.once = once;
	}

	add(records: IDataObject[], request: PageRequest): void {
		this.count++;
		if (this.count > this.maxPages) {
			throw new PagingError(
				this.count,
				request,
				`is beyond ${this.maxPages.toLocaleString('en')} pages, the most one list may take: stopped there`,
			);
		}
		if (records.length > 0) this.notSeenBefore(records, request);
		for (const record of records) {
			const id = record?.id;
			if (this.once && id !== undefined && id !== null) {
				if (this.ids.has(id)) continue;
				this.ids.add(id);
			}
			this.out.push(record);
		}
	}

	/** Pages seen so far. */
	get pages(): number {
		return this.count;
	}

	/**
	 * Stops at a page with the records of an earlier one: its length, first and last record are the same (two pages
	 * of one list never share them), so the server is repeating itself and the list would never end.
	 */
	private notSeenBefore(records: IDataObject[], request: PageRequest): void {
		const fingerprint = createHash('sha256')
			.update(`${records.length}:${JSON.stringify(records[0])}:`)
			.update(JSON.stringify(records[records.length - 1]))
			.digest('base64');
		const earlier = this.seen.get(fingerprint);
		if (earlier) {
			const why =
				earlier.page === this.count - 1
					? 'the server did not move on'
					: 'the server came back to an earlier page';
			throw new PagingError(
				this.count,
				request,
				`returned the same records as ${namePage(earlier)}: ${why}, so the list would never end`,
			);
		}
		this.seen.set(fingerprint, { page: this.count, request });
	}
}

type Settled = { ok: true; body: unknown } | { ok: false; error: unknown };

/** A request whose failure is held until its page is read (a page asked beyond the end may fail harmlessly). */
function settle(promise: Promise<unknown>): Promise<Settled> {
	return promise.then(
		(body) => ({ ok: true as const, body }),
		(error: unknown) => ({ ok: false as const, error }),
	);
}

interface AddressableOptions {
	/** Records per page asked for: the vendor's maximum. */
	pageSize: number;
	/** The query parameter for the page length. */
	sizeParam: string;
	/**
	 * How a page is addressed: `offset` (records to skip; the last page asks only for what a Limit still needs) or
	 * `page` (the page number, counted from `firstPage`; every page has the same length).
	 */
	offsetParam?: string;
	pageParam?: string;
	firstPage?: number;
	/** Where the records are in a page (`''` = the body is the list). */
	records: string;
	/** Where the list's total number of records is, if the API says (then no page beyond it is asked for). */
	total?: string;
	/** Where the number of pages is, if the API says. */
	pageCount?: string;
	/** Where a page says whether another follows (e.g. `links.next`: a link, or null on the last page). */
	more?: string;
	/** Pages in flight at once (k); default PAGES_IN_FLIGHT. */
	inFlight?: number;
	/** Each record once by its `id` (default true); false keeps every record as the pages hold it. */
	once?: boolean;
	maxPages?: number;
}

interface Planned {
	request: PageRequest;
	/** Index of the page's first record in the list. */
	start: number;
	/** Index of the page (0-based). */
	index: number;
	/** Records asked for. */
	asked: number;
	result: Promise<Settled>;
}

/**
 * Lists whose pages can be addressed without reading the page before (an offset or a page number): k pages are
 * in flight at once, read in order. On a real network every request pays a new connection (n8n's request helper
 * opens one per request), so overlapping pages is what makes a long list fast.
 *
 * - Records come out in list order, each once.
 * - The list ends at the first empty page, at a page shorter than asked, at the total or page count the API
 *   reports, or when the page says no page follows (`more`). At most k − 1 pages are asked for beyond the last.
 * - A Limit asks only for the pages it needs (with offsets, the last one only for the records still missing).
 * - A server that returns fewer records than asked while the list goes on (its total, its page count or its next
 *   marker says so; without those, a non-empty page after the short one) caps the page length below what was
 *   asked: the pages already in flight are dropped and the rest is read one page after another with the length
 *   the server used, until a page shorter than that. Nothing is cut off silently.
 * - An offset list that normally reports its total but left it out of a short page asks for one more page right
 *   after that page's records (a capped page length cannot be told from the end otherwise); it is empty at the end.
 */
export function addressablePaginator(options: AddressableOptions): Paginator {
	return {
		async collect(fetch, limit) {
			if (limit !== undefined && limit <= 0) return [];
			return await new AddressableList(options, fetch, limit).readAll();
		},
	};
}

/** One reading of an addressable list: the pages in flight, and what the pages read so far told of its end. */
class AddressableList {
	private readonly byOffset: boolean;
	private readonly pages: Pages;
	private readonly wanted: number;
	/** With page numbers the length asked for stays the same on every page; a Limit below one page asks for just that. */
	private readonly pageLength: number;
	/** The records a full page holds: what is asked for, or what the server turned out to give. */
	private size: number;
	/** Pages in flight at most. */
	private window: number;
	/** Records of the list to read at most: the Limit, then also the reported total. */
	private end: number;
	/** Index of the last page, from the reported page count. */
	private lastIndex = Infinity;
	private nextStart = 0;
	private nextIndex = 0;
	private queue: Planned[] = [];

	constructor(
		private readonly options: AddressableOptions,
		private readonly fetch: FetchPage,
		limit: number | undefined,
	) {
		this.byOffset = options.pageParam === undefined;
		this.pages = new Pages({ maxPages: options.maxPages ?? MAX_PAGES, once: options.once ?? true });
		this.wanted = limit ?? Infinity;
		this.pageLength = this.byOffset ? options.pageSize : Math.min(options.pageSize, this.wanted);
		this.size = this.pageLength;
		this.window = Math.max(1, options.inFlight ?? PAGES_IN_FLIGHT);
		this.end = this.wanted;
	}

	async readAll(): Promise<IDataObject[]> {
		try {
			for (;;) {
				this.launch();
				const page = this.queue.shift();
				if (!page) break;
				const result = await page.result;
				if (!result.ok) throw result.error;
				if (!(await this.read(page, result.body))) break;
			}
		} finally {
			await this.drop();
		}
		return this.pages.out.slice(0, this.wanted);
	}

	/** Asks for pages until the window is full or the known end is reached. */
	private launch(): void {
		const { options } = this;
		while (
			this.queue.length < this.window &&
			this.nextStart < this.end &&
			this.nextIndex <= this.lastIndex
		) {
			const asked = this.byOffset ? Math.min(this.size, this.end - this.nextStart) : this.size;
			const qs: IDataObject = this.byOffset
				? { [options.sizeParam]: asked, [options.offsetParam ?? 'offset']: this.nextStart }
				: {
						[options.pageParam ?? 'page']: (options.firstPage ?? 0) + this.nextIndex,
						[options.sizeParam]: this.pageLength,
					};
			const request: PageRequest = { qs };
			const result = settle(this.fetch(request));
			this.queue.push({ request, start: this.nextStart, index: this.nextIndex, asked, result });
			this.nextStart += asked;
			this.nextIndex++;
		}
	}

	/** Waits for the pages still in flight (their answers are not used), so none outlives the list. */
	private async drop(): Promise<void> {
		const dropped = this.queue;
		this.queue = [];
		await Promise.all(dropped.map(async (page) => await page.result));
	}

	/** Takes one page's records and what it says of the list's end; whether the list goes on. */
	private async read(page: Planned, body: unknown): Promise<boolean> {
		const { options } = this;
		const records = recordsAt(body, options.records);
		const total = numberAt(body, options.total);
		if (total !== undefined) this.end = Math.min(this.end, total);
		const count = numberAt(body, options.pageCount);
		if (count !== undefined) this.lastIndex = Math.min(this.lastIndex, count - 1);
		this.pages.add(records, page.request);

		const more = options.more === undefined ? undefined : Boolean(valueAt(body, options.more));
		if (records.length === 0 || this.pages.out.length >= this.wanted) return false;
		if (page.start + records.length >= this.end || page.index >= this.lastIndex) return false;
		if (more === false) return false;
		if (records.length >= page.asked) return true;

		// A short page. Where the page reports the end (total, page count, next marker), it has just said that the
		// list goes on; otherwise the page after it, if one is in flight, says so by not being empty. Either way the
		// server used a shorter page than was asked for.
		const told = total !== undefined || count !== undefined || more !== undefined;
		if (!told && !(await this.goesOnAfterShort(page))) return false;
		await this.capPageLength(page, records.length);
		return true;
	}

	/** After a short page that does not say where the list ends: whether the list goes on beyond it. */
	private async goesOnAfterShort(page: Planned): Promise<boolean> {
		const next = this.queue[0];
		const after = next?.index === page.index + 1 ? await next.result : undefined;
		if (after?.ok === true && recordsAt(after.body, this.options.records).length > 0) return true;
		// A list that reports a total but left it out may also have capped this page (the page after, asked at the
		// offset the full page would have ended, is then empty too): one more page, right after these records, tells;
		// it is empty at the real end.
		return this.byOffset && this.options.total !== undefined;
	}

	/** The server gives `length` records a page: the rest is read one page after another, in that length. */
	private async capPageLength(page: Planned, length: number): Promise<void> {
		await this.drop();
		this.window = 1;
		this.size = length; // page numbers, too, now count in the server's page length
		this.nextIndex = page.index + 1;
		this.nextStart = page.start + length;
	}
}

interface CursorOptions {
	pageSize: number;
	sizeParam?: string;
	cursorParam?: string;
	records: string;
	/** Where the next cursor is in a page. */
	cursor?: string;
	/** Where the "more pages" flag is. */
	hasMore?: string;
	maxPages?: number;
}

/**
 * cursor/has_more paging (ChartMogul). Strictly one page after another: the next page's address (the cursor) is
 * only known once the page before it has arrived, so nothing can be overlapped.
 */
export function cursorPaginator(options: CursorOptions): Paginator {
	const sizeParam = options.sizeParam ?? 'per_page';
	const cursorParam = options.cursorParam ?? 'cursor';
	const wantedSize = (limit: number | undefined, have: number) =>
		limit === undefined ? options.pageSize : Math.min(options.pageSize, limit - have);
	return {
		async collect(fetch, limit) {
			if (limit !== undefined && limit <= 0) return [];
			const pages = new Pages({ maxPages: options.maxPages ?? MAX_PAGES, once: false });
			const cursors = new Map<string, SeenPage>(); // each cursor by the page that returned it
			let request: PageRequest = { qs: { [sizeParam]: wantedSize(limit, 0) } };
			for (;;) {
				const body = await fetch(request);
				const records = recordsAt(body, options.records);
				pages.add(records, request);
				if (records.length === 0 || (limit !== undefined && pages.out.length >= limit)) break;
				if (valueAt(body, options.hasMore ?? 'has_more') !== true) break;
				const cursor = valueAt(body, options.cursor ?? 'cursor');
				if (typeof cursor !== 'string' || cursor === '') {
					throw new PagingError(
						pages.pages,
						request,
						'says more records follow but gives no cursor to ask for them',
					);
				}
				const earlier = cursors.get(cursor);
				if (earlier) {
					throw new PagingError(
						pages.pages,
						request,
						`returned the cursor "${cursor}" that ${namePage(earlier)} returned already: the list would never end`,
					);
				}
				cursors.set(cursor, { page: pages.pages, request });
				request = {
					qs: { [sizeParam]: wantedSize(limit, pages.out.length), [cursorParam]: cursor },
				};
			}
			return limit === undefined ? pages.out : pages.out.slice(0, limit);
		},
	};
}

/** The API returns the whole list at once (jtel): one request, the limit applied here; no paging to overlap. */
export function singlePage(records: string): Paginator {
	return {
		async collect(fetch, limit) {
			const all = recordsAt(await fetch({ qs: {} }), records);
			return limit === undefined ? all : all.slice(0, Math.max(0, limit));
		},
	};
}

/**
 * A lookup by a key such as an e-mail address: every match, on every page, whatever Limit says (a lookup has
 * no Return All / Limit; it finds a handful). Combine with `emptyOnNotFound` where "no match" is HTTP 404.
 */
export function everyMatch(paginator: Paginator): Paginator {
	return { collect: async (fetch) => await paginator.collect(fetch) };
}
