import type { IDataObject } from 'n8n-workflow';

/**
 * What a polling trigger remembers between polls (kept in the workflow's static data). All times are the
 * vendor's own timestamps in milliseconds, never n8n's clock, so a skewed n8n clock cannot open a gap.
 */
export interface ChangeWindow {
	/** Where the next poll's listing starts (inclusive), on the listing's own resolution. */
	since: number;
	/** Changes already emitted whose time is at or after `since`, by key: they may be listed again. */
	seen: Record<string, number>;
	/**
	 * How many records of the listing from `since` (ordered by change time) earlier polls have read: a poll
	 * that stopped at its time budget inside a backlog leaves the rest to the next one, which carries on there.
	 */
	read?: number;
	/** n8n's clock (ms) when a poll of this state began reading and has not finished: see `claimPoll`. */
	busySince?: number;
}

/** One change in a listing: a record, its dedupe key (record id + change time) and its change time. */
export interface Change {
	key: string;
	at: number;
	record: IDataObject;
}

export interface WindowStep {
	/** Changes not emitted before, in listing order. */
	fresh: Change[];
	/** The state to store for the next poll. */
	next: ChangeWindow;
}

export interface WindowOptions {
	/** How far before the latest change the next listing starts once a listing was read to its end. */
	overlapMs: number;
	/** Every record from the start of the listing to its end was read (no record moved between pages). */
	complete: boolean;
	/**
	 * The poll stopped reading before the listing's end (its time budget was spent). The listing is ordered by
	 * change time, so every change before the latest one read was seen: the next poll starts there.
	 */
	stopped?: boolean;
	/** The resolution of the listing's "since" parameter (1000 for whole seconds); `since` is rounded down to it. */
	resolutionMs?: number;
}

/**
 * One poll's step: which listed changes are new, and where the next poll starts.
 *
 * A change is emitted once by its key (record id + change time): the key stays in `seen` as long as the change
 * is at or after the window's start, so a change stamped exactly at the start and listed again is recognised.
 * Once a listing was read to its end, the next one starts `overlapMs` before the latest change seen, so a change
 * whose time is a little earlier but which became visible later (a transaction that committed late, another
 * server's clock) is still listed. When the listing was not `complete` (records shifted between pages while it
 * was read), the window does not move, so the next poll reads the same range again and emits only what this one
 * missed. When the poll `stopped` at its budget, the next one starts at the latest change read.
 */
export function advanceWindow(
	state: ChangeWindow,
	changes: Change[],
	options: WindowOptions,
): WindowStep {
	const resolution = options.resolutionMs ?? 1;
	const seen: Record<string, number> = { ...state.seen };
	const fresh: Change[] = [];
	let latest = state.since;
	for (const change of changes) {
		if (!Number.isFinite(change.at) || change.at < state.since) continue; // before the window: handled by an earlier poll
		latest = Math.max(latest, change.at);
		if (change.key in seen) continue;
		seen[change.key] = change.at;
		fresh.push(change);
	}
	let since = state.since;
	if (options.stopped) since = latest;
	else if (options.complete) since = Math.max(state.since, latest - options.overlapMs);
	since = Math.max(state.since, Math.floor(since / resolution) * resolution);
	const kept = Object.fromEntries(Object.entries(seen).filter(([, at]) => at >= since));
	return { fresh, next: { since, seen: kept } };
}

/** Whether a change was emitted by an earlier poll of this window. */
export function alreadySeen(state: ChangeWindow, change: Change): boolean {
	return change.key in state.seen;
}

/**
 * Marks a stored window as being read by this poll; false when another poll of the same node, in this process,
 * began reading it less than `leaseMs` ago (n8n's in-process poller shares the static data object and starts a
 * poll on every cron tick, also while the previous one still reads a backlog). `now` is n8n's clock.
 */
export function claimPoll(state: ChangeWindow, now: number, leaseMs: number): boolean {
	if (
		state.busySince !== undefined &&
		now - state.busySince >= 0 &&
		now - state.busySince < leaseMs
	)
		return false;
	state.busySince = now;
	return true;
}

/** One entry of n8n's "Poll Times" parameter (n8n-workflow's cron.ts reads the same modes). */
interface PollTime {
	mode?: string;
	value?: number;
	unit?: string;
	cronExpression?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A custom cron expression whose period is not read here (a list or range in its minute or hour): a week. */
export const CUSTOM_POLL_INTERVAL_MS = 7 * DAY;

/**
 * The longest gap between two runs of a cron expression ("[second] minute hour day month weekday"), read
 * coarsely: a minute field `*` or `*\/n` fires every n minutes, else an hour field `*` or `*\/n` every n hours,
 * else a day or weekday field `*` every day; anything else counts as the custom default.
 */
function cronPeriodMs(expression: string): number {
	const fields = expression.trim().split(/\s+/);
	const [minute, hour, day, , weekday] = fields.length === 6 ? fields.slice(1) : fields;
	const every = (field: string | undefined) => {
		if (field === '*') return 1;
		const step = /^\*\/(\d+)$/.exec(field ?? '');
		return step ? Number(step[1]) : undefined;
	};
	const minutes = every(minute);
	if (minutes) return minutes * MINUTE;
	const hours = every(hour);
	if (/^\d+$/.test(minute ?? '') && hours) return hours * HOUR;
	if (/^\d+$/.test(minute ?? '') && /^\d+$/.test(hour ?? '') && day === '*' && weekday === '*')
		return DAY;
	return CUSTOM_POLL_INTERVAL_MS;
}

/**
 * The longest time between two polls the "Poll Times" parameter allows (ms): the shortest period among its
 * entries, one minute when there are none. n8n picks a random second in each minute (n8n-workflow cron.ts
 * toCronExpression), so a minute is added.
 */
export function pollIntervalMs(pollTimes: unknown): number {
	const items = ((pollTimes as { item?: PollTime[] } | undefined)?.item ?? []).filter(Boolean);
	const period = (item: PollTime): number => {
		switch (item.mode) {
			case 'everyMinute':
				return MINUTE;
			case 'everyHour':
				return HOUR;
			case 'everyX':
				return Math.max(1, Number(item.value) || 1) * (item.unit === 'hours' ? HOUR : MINUTE);
			case 'everyDay':
				return DAY;
			case 'everyWeek':
				return 7 * DAY;
			case 'everyMonth':
				return 31 * DAY;
			default:
				return cronPeriodMs(String(item.cronExpression ?? ''));
		}
	};
	return (items.length ? Math.min(...items.map(period)) : MINUTE) + MINUTE;
}
