import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { Change, ChangeWindow } from '../shared/changes';
import { advanceWindow } from '../shared/changes';
import type { PageRequest } from '../shared/paginators';
import { addressablePaginator } from '../shared/paginators';
import { PAGE_SIZE, ticketmatic } from './transport';

export type ContactEvent = 'contactCreated' | 'contactUpdated';

/**
 * How far back each poll lists again, before the latest change it has seen: a change that becomes visible
 * after a later one (a long transaction, another server's clock) is still caught. Changes listed twice are
 * emitted once.
 */
export const OVERLAP_MS = 5 * 60_000;

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
 * Contacts changed since the window's start, ordered by update time, every page read (1000 per page).
 * `complete` is false when fewer distinct contacts came back than Ticketmatic counted: records moved
 * between pages while they were read, and the window must be read again.
 */
async function changedSince(ctx: IPollFunctions, since: number) {
	const url = '/contacts';
	// GET /contacts takes lastupdatesince and orderby=lastupdatets (tm-go contacts.Getlist, ContactQuery).
	const qs = { lastupdatesince: sinceParameter(since), orderby: 'lastupdatets' };
	let counted = 0;
	// One page after another, every record as the pages hold it: the re-read check below counts them, and a
	// contact listed twice in two versions stands for two changes.
	const paginator = addressablePaginator({
		pageSize: PAGE_SIZE,
		sizeParam: 'limit',
		offsetParam: 'offset',
		records: 'data',
		total: 'nbrofresults',
		inFlight: 1,
		once: false,
	});
	const records = await paginator.collect(async (page: PageRequest) => {
		const body = (await ticketmatic.request(ctx, {
			method: 'GET',
			url,
			qs: { ...qs, ...page.qs },
		})) as IDataObject;
		counted = Number(body?.nbrofresults ?? 0);
		return body;
	});
	const distinct = new Set(records.map((record) => String(record.id))).size;
	return { records, complete: distinct >= counted };
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

/**
 * One poll: the contacts created or updated since the last poll, each change once. The first poll of an
 * active workflow only notes where Ticketmatic's clock stands and emits nothing old.
 */
export async function pollContactChanges(
	ctx: IPollFunctions,
	event: ContactEvent,
): Promise<IDataObject[]> {
	if (ctx.getMode() === 'manual') return await latest(ctx, event);
	const staticData = ctx.getWorkflowStaticData('node');
	const state = staticData.contactChanges as StoredState | undefined;
	if (!state || state.event !== event) {
		// Whole seconds: a contact changed in the same second as the activation is not lost to a finer clock.
		const now = await serverTime(ctx);
		staticData.contactChanges = {
			event,
			since: Math.floor(now / 1000) * 1000,
			seen: {},
		} satisfies StoredState;
		return [];
	}
	const { records, complete } = await changedSince(ctx, state.since);
	const { fresh, next } = advanceWindow(state, records.flatMap(changesOf), {
		overlapMs: OVERLAP_MS,
		complete,
	});
	staticData.contactChanges = { event, ...next } satisfies StoredState;
	return fresh.filter((change) => wanted(event, change)).map((change) => change.record);
}
