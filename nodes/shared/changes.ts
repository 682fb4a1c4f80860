import type { IDataObject } from 'n8n-workflow';

/**
 * What a polling trigger remembers between polls (kept in the workflow's static data). All times are the
 * vendor's own timestamps in milliseconds, never n8n's clock, so a skewed n8n clock cannot open a gap.
 */
export interface ChangeWindow {
	/** Where the next poll's listing starts (inclusive). */
	since: number;
	/** Changes already emitted whose time is at or after `since`, by key: they may be listed again. */
	seen: Record<string, number>;
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

/**
 * One poll's step: which listed changes are new, and where the next poll starts.
 *
 * The next listing starts `overlapMs` before the latest change seen, so a change whose time is a little
 * earlier but which became visible later (a transaction that committed late, another server's clock) is
 * still listed; changes listed twice are recognised by key and emitted once. When the listing was not
 * `complete` (records shifted between pages while it was read), the window does not move, so the next poll
 * reads the same range again and emits only what this one missed.
 */
export function advanceWindow(
	state: ChangeWindow,
	changes: Change[],
	options: { overlapMs: number; complete: boolean },
): WindowStep {
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
	const since = options.complete ? Math.max(state.since, latest - options.overlapMs) : state.since;
	const kept = Object.fromEntries(Object.entries(seen).filter(([, at]) => at >= since));
	return { fresh, next: { since, seen: kept } };
}
