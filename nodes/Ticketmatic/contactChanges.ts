import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { Change, ChangeWindow } from '../shared/changes';
import { advanceWindow, alreadySeen, claimPoll, pollIntervalMs } from '../shared/changes';
import { PAGE_SIZE, ticketmatic } from './transport';

export type ContactEvent = 'contactCreated' | 'contactUpdated';

/**
 * How far back each poll lists again, before the latest change it has seen: a change that becomes visible
 * after a later one (a long transaction, another server's clock) is still caught. Changes listed twice are
 * emitted once.
 */
export const OVERLAP_MS = 5 * 60_000;

/**
 * How long one poll may read when n8n does not say (`getPollBudgetMs`, n8n 2.41 and later): well inside n8n's
 * durable poll timeout (N8N_SCHEDULER_POLL_TIMEOUT, 45 s by default) and a one-minute poll interval.
 */
export const DEFAULT_POLL_BUDGET_MS = 30_000;

/**
 * Records read again before the place where the last poll stopped: the first of them must be one it read, else
 * records moved in between (a contact changed again) and the window is read again from its start.
 */
export const RESUME_MARGIN = 10;

/** Contacts shown by a manual test run: the latest few. */
export const SAMPLE_SIZE = 5;

/**
 * A Ticketmatic timestamp in ms. Ticketmatic writes "2015-04-09 14:19:49", "2015-04-09T14:19:49.123456" or
 * RFC 3339; without a zone it is UTC (tm-go ticketmatic/time.go ParseTime).
 */
export function ticketmaticTime(value: unknown): number {
	if (typeof value !== 'string' || value.length < 19) return NaN;
	const text = `${value.slice(0, 10)}T${value.slice(11)}`;
	return Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`);
}

/** The `lastupdatesince` value: "YYYY-MM-DD HH:mm:ss" in UTC, rounded down to the second (never later). */
export function sinceParameter(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The changes one contact record stands for: its creation (key by id alone: a contact is created once) and
 * this version of it (key by id and update time).
 */
function changesOf(record: IDataObject): Change[] {
	const id = String(record.id);
	const created = ticketmaticTime(record.createdts);
	const updated = ticketmaticTime(record.lastupdatets);
	return [
		{ key: `created:${id}`, at: created, record },
		{ key: `updated:${id}@${updated}`, at: updated, record },
	];
}

/** Whether a new change is one the user listens for; an "update" is a version later than the creation. */
function wanted(event: ContactEvent, change: Change): boolean {
	if (event === 'contactCreated') return change.key.startsWith('created:');
	return change.key.startsWith('updated:') && change.at > ticketmaticTime(change.record.createdts);
}

/** The account's clock: `GET /diagnostics/time` → `{ systemtime }` in UTC (tm-go diagnostics.Time). */
async function serverTime(ctx: IPollFunctions): Promise<number> {
	const body = (await ticketmatic.request(ctx, {
		method: 'GET',
		url: '/diagnostics/time',
	})) as IDataObject;
	const now = ticketmaticTime(body?.systemtime);
	if (Number.isNaN(now))
		throw new Error(
			`Ticketmatic returned no usable server time (${JSON.stringify(body).slice(0, 80)})`,
		);
	return now;
}

/**
 * A manual test run: the latest few contacts for the event, without touching the stored state. Ticketmatic
 * documents no sort direction, so both ends of the ordered list are read and the latest kept.
 */
async function latest(ctx: IPollFunctions, event: ContactEvent): Promise<IDataObject[]> {
	const field = event === 'contactCreated' ? 'createdts' : 'lastupdatets';
	const url = '/contacts';
	const page = async (offset: number) =>
		(await ticketmatic.request(ctx, {
			method: 'GET',
			url,
			qs: { orderby: field, limit: SAMPLE_SIZE, offset },
		})) as IDataObject;
	const first = await page(0);
	const total = Number(first.nbrofresults ?? 0);
	let records = (first.data ?? []) as IDataObject[];
	if (total > SAMPLE_SIZE)
		records = records.concat(((await page(total - SAMPLE_SIZE)).data ?? []) as IDataObject[]);
	const byId = new Map(records.map((record) => [String(record.id), record]));
	return [...byId.values()]
		.sort((a, b) => (ticketmaticTime(b[field]) || 0) - (ticketmaticTime(a[field]) || 0))
		.slice(0, SAMPLE_SIZE);
}

interface StoredState extends ChangeWindow {
	event: ContactEvent;
}

/** What one poll read: the records, whether the listing was read to its end without shifts, or stopped early. */
interface Reading {
	records: IDataObject[];
	/** Where in the listing this poll began (records of the window read by earlier polls). */
	start: number;
	complete: boolean;
	stopped: boolean;
}

/** One page of the contacts changed since the window's start, with the listing's count (Infinity when left out). */
async function changesPage(
	ctx: IPollFunctions,
	state: StoredState,
	offset: number,
): Promise<{ records: IDataObject[]; total: number }> {
	// GET /contacts takes lastupdatesince and orderby=lastupdatets (tm-go contacts.Getlist, ContactQuery).
	const body = (await ticketmatic.request(ctx, {
		method: 'GET',
		url: '/contacts',
		qs: {
			lastupdatesince: sinceParameter(state.since),
			orderby: 'lastupdatets',
			limit: PAGE_SIZE,
			offset,
		},
	})) as IDataObject;
	const data = body?.data;
	const counted = body?.nbrofresults;
	return {
		records: Array.isArray(data) ? (data as IDataObject[]) : [],
		// Without a count (a server that leaves it out), the listing ends at an empty page.
		total: counted === undefined || counted === null ? Infinity : Number(counted),
	};
}

/**
 * The contacts changed since the window's start, ordered by update time, page after page (1000 each) from
 * where the last poll stopped, until the listing ends or the next page would not fit in the poll's budget.
 */
async function readWindow(
	ctx: IPollFunctions,
	state: StoredState,
	began: number,
	budgetMs: number,
): Promise<Reading> {
	const page = async (offset: number) => await changesPage(ctx, state, offset);
	let start = Math.max(0, (state.read ?? 0) - RESUME_MARGIN);
	let first = start > 0 ? await page(start) : undefined;
	if (
		first &&
		!first.records.slice(0, 1).every((r) => changesOf(r).some((c) => alreadySeen(state, c)))
	) {
		start = 0; // records moved since the last poll: read the window again from its start
		first = undefined;
	}
	const records: IDataObject[] = [];
	let offset = start;
	let total = 0;
	let slowest = 0;
	for (;;) {
		const asked = Date.now();
		const got = first ?? (await page(offset));
		first = undefined;
		slowest = Math.max(slowest, Date.now() - asked);
		records.push(...got.records);
		total = got.total;
		offset += got.records.length;
		if (!got.records.length || offset >= total) break;
		if (Date.now() - began + slowest >= budgetMs)
			return { records, start, complete: false, stopped: true };
	}
	const distinct = new Set(records.map((record) => String(record.id))).size;
	const complete = total === Infinity || start + distinct >= total;
	return { records, start, complete, stopped: false };
}

/** The poll's time budget: what n8n gives (IPollFunctions.getPollBudgetMs, n8n 2.41+), else the default. */
function pollBudget(ctx: IPollFunctions): number {
	const offered = (ctx as { getPollBudgetMs?: () => number }).getPollBudgetMs;
	const budget = typeof offered === 'function' ? Number(offered.call(ctx)) : NaN;
	return Number.isFinite(budget) && budget > 0 ? budget : DEFAULT_POLL_BUDGET_MS;
}

/**
 * One poll: the contacts created or updated since the last poll, each change once. A poll without a stored
 * state (the activation, or n8n lost it: see the node's notice) lists the changes of the last poll interval.
 */
export async function pollContactChanges(
	ctx: IPollFunctions,
	event: ContactEvent,
): Promise<IDataObject[]> {
	if (ctx.getMode() === 'manual') return await latest(ctx, event);
	const began = Date.now();
	const budgetMs = pollBudget(ctx);
	const staticData = ctx.getWorkflowStaticData('node');
	let state = staticData.contactChanges as StoredState | undefined;
	if (!state || state.event !== event) {
		let pollTimes: unknown;
		try {
			pollTimes = ctx.getNodeParameter('pollTimes', {});
		} catch {
			pollTimes = undefined;
		}
		const now = await serverTime(ctx);
		state = { event, since: Math.floor((now - pollIntervalMs(pollTimes)) / 1000) * 1000, seen: {} };
		staticData.contactChanges = state;
	}
	// Another poll of this node is still reading (n8n's in-process poller ticks on regardless): leave it to it.
	if (!claimPoll(state, Date.now(), budgetMs + 60_000)) return [];
	try {
		const reading = await readWindow(ctx, state, began, budgetMs);
		const { fresh, next } = advanceWindow(state, reading.records.flatMap(changesOf), {
			overlapMs: OVERLAP_MS,
			complete: reading.complete,
			stopped: reading.stopped,
			resolutionMs: 1000,
		});
		let read = 0;
		if (reading.stopped) {
			// Records of the listing from the new start already read: all of this poll's from there on.
			const from = reading.records.filter(
				(r) => ticketmaticTime(r.lastupdatets) >= next.since,
			).length;
			read = next.since === state.since ? reading.start + reading.records.length : from;
		} else if (!reading.complete) read = reading.start;
		staticData.contactChanges = { event, ...next, ...(read ? { read } : {}) } satisfies StoredState;
		return fresh.filter((change) => wanted(event, change)).map((change) => change.record);
	} finally {
		delete state.busySince;
	}
}
