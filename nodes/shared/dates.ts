import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Check } from './validators';

/** A date and time as written, without a zone: `2026-01-10 09:30`, `2026-01-10T09:30:00.000`, `2026-01-10`. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** An ISO 8601 instant: a date and time with `Z` or an offset (`+01:00`, `+0100`). */
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** `yyyy-MM-ddTHH:mm:ss` of a moment, as a clock in `timeZone` shows it. */
function clockIn(ms: number, timeZone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23',
		})
			.formatToParts(new Date(ms))
			.map((part) => [part.type, part.value]),
	);
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A clock time as written without a zone, as `yyyy-MM-ddTHH:mm:ss`; undefined when it is not one (or no real date). */
function wallClock(text: string): string | undefined {
	const local = WALL_CLOCK.exec(text);
	if (!local) return undefined;
	const [, year, month, day, hour = '00', minute = '00', second = '00'] = local;
	const date = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
	// 2026-02-30 or 25:00 would roll over into another date: not a date.
	if (
		date.getUTCMonth() !== +month - 1 ||
		date.getUTCDate() !== +day ||
		date.getUTCHours() !== +hour ||
		+minute > 59 ||
		+second > 59
	)
		return undefined;
	return `${year}-${month}-${day}T${hour}:${minute}:${second}`;
}

/** A value that is a moment (a JS Date, ms since 1970, a Luxon DateTime, an ISO string with a zone), in ms. */
function momentOf(value: unknown): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		const ms = (value as { toMillis(): number }).toMillis();
		return Number.isFinite(ms) ? ms : undefined;
	}
	if (typeof value !== 'string' || !INSTANT.test(value.trim())) return undefined;
	const ms = Date.parse(
		value
			.trim()
			.replace(' ', 'T')
			.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'),
	);
	return Number.isNaN(ms) ? undefined : ms;
}

/**
 * A date value as `yyyy-MM-ddTHH:mm:ss`, the local date-time form of APIs that take no zone (jtel's dialler).
 * A value without a zone (n8n's date picker, "2026-01-10 09:30") is already a local time and is kept as written;
 * a moment (an ISO string with `Z` or an offset, `$now` / a Luxon DateTime, a JS Date, milliseconds since 1970)
 * is shown as the clock in `timeZone` (the workflow's time zone) reads it. Milliseconds are dropped.
 * Returns undefined when the value is not a date.
 */
export function localDateTime(value: unknown, timeZone: string): string | undefined {
	const local = typeof value === 'string' ? wallClock(value.trim()) : undefined;
	if (local !== undefined) return local;
	const ms = momentOf(value);
	return ms === undefined ? undefined : clockIn(ms, timeZone);
}

/** The clock `timeZone` shows at `ms`, read as if it were UTC, minus `ms`: the zone's offset then, in ms. */
function offsetAt(ms: number, timeZone: string): number {
	return Date.parse(`${clockIn(ms, timeZone)}Z`) - Math.floor(ms / 1000) * 1000;
}

/**
 * The moment a date value stands for, in ms since 1970, or undefined when it is not a date. A moment (an ISO
 * string with `Z` or an offset, `$now` / a Luxon DateTime, a JS Date, milliseconds) is taken exactly; a value
 * without a zone (n8n's date picker, "2026-01-10 09:30") is a clock time in `timeZone`, the workflow's zone.
 */
export function instantOf(value: unknown, timeZone: string): number | undefined {
	const moment = momentOf(value);
	if (moment !== undefined) return moment;
	const local = typeof value === 'string' ? wallClock(value.trim()) : undefined;
	if (local === undefined) return undefined;
	// The clock time as if it were UTC, moved by the zone's offset; asked twice so a date across a DST change is right.
	const asUtc = Date.parse(`${local}Z`);
	const guess = asUtc - offsetAt(asUtc, timeZone);
	return asUtc - offsetAt(guess, timeZone);
}

/** How a vendor writes a UTC time. */
export type UtcForm =
	/** `2026-01-10 08:30:00` (Ticketmatic: tm-go ticketmatic/time.go). */
	| 'space'
	/** `2026-01-10T08:30:00+00:00` (ISO 8601: Quentn's documented form; ChartMogul takes any ISO 8601). */
	| 'iso';

/**
 * A date value as the UTC time a vendor takes (see `instantOf` for how a value is read), to the second (rounded
 * down); undefined when it is not a date.
 */
export function utcDateTime(value: unknown, timeZone: string, form: UtcForm): string | undefined {
	const ms = instantOf(value, timeZone);
	if (ms === undefined) return undefined;
	const text = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
	return form === 'space' ? text.replace('T', ' ') : `${text}+00:00`;
}

const FORM_PATTERN: Record<UtcForm, RegExp> = {
	space: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
	iso: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/,
};

/** Where a routed value sits: `qs` for the query, `body` for the body. */
type Place = 'qs' | 'body';

/**
 * preSend: the routed value at `property` of the query or body (a dot path) written as the UTC time `form`, read
 * in the workflow's time zone when it has none. An empty value is left out; one that is not a date is left as it
 * is, for `checkUtc` to report before anything is sent.
 */
function toUtc(place: Place, property: string, form: UtcForm) {
	return async function (
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const path = property.split('.');
		const key = path.pop()!;
		const root: IDataObject = { ...((options[place] as IDataObject | undefined) ?? {}) };
		let parent = root;
		for (const step of path) {
			const next = parent[step];
			if (!next || typeof next !== 'object' || Array.isArray(next)) return options;
			parent = parent[step] = { ...(next as IDataObject) };
		}
		if (!(key in parent)) return options;
		const value = parent[key];
		if (value === '' || value === null || value === undefined) delete parent[key];
		else parent[key] = utcDateTime(value, this.getTimezone(), form) ?? (value as string);
		return { ...options, [place]: root };
	};
}

/** Routing of a date parameter a vendor takes as a UTC time: sent as `property` of the query or body, as `form`. */
export function sendUtc(
	type: 'query' | 'body',
	property: string,
	form: UtcForm,
): INodePropertyRouting {
	return {
		send: { type, property, preSend: [toUtc(type === 'query' ? 'qs' : 'body', property, form)] },
	};
}

/** Check: the routed value at `property` (after `toUtc`) is a date; `label` names the field in the error. */
export function checkUtc(place: Place, property: string, form: UtcForm, label: string): Check {
	return (ctx, request) => {
		let value: unknown = request?.[place];
		for (const step of property.split('.')) value = (value as IDataObject | undefined)?.[step];
		if (value === undefined || (typeof value === 'string' && FORM_PATTERN[form].test(value)))
			return;
		throw new NodeOperationError(
			ctx.getNode(),
			`"${label}" is not a date: "${String(value).slice(0, 60)}"`,
			{
				itemIndex: ctx.getItemIndex(),
				description:
					"Pick a date, or map an ISO 8601 date (2026-01-10T09:30:00 is read in the workflow's time zone; 2026-01-10T09:30:00+01:00 is exact), a Luxon DateTime such as {{ $now }}, or milliseconds since 1970.",
			},
		);
	};
}

/** The hint of a date field whose vendor takes UTC times. */
export const UTC_HINT =
	"A date without a time zone is read in the workflow's time zone (Workflow Settings → Timezone); one with a zone or offset, or {{ $now }}, is exact. Sent in UTC.";
