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

/**
 * A date value as `yyyy-MM-ddTHH:mm:ss`, the local date-time form of APIs that take no zone (jtel's dialler).
 * A value without a zone (n8n's date picker, "2026-01-10 09:30") is already a local time and is kept as written;
 * a moment (an ISO string with `Z` or an offset, `$now` / a Luxon DateTime, a JS Date, milliseconds since 1970)
 * is shown as the clock in `timeZone` (the workflow's time zone) reads it. Milliseconds are dropped.
 * Returns undefined when the value is not a date.
 */
export function localDateTime(value: unknown, timeZone: string): string | undefined {
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? undefined : clockIn(value.getTime(), timeZone);
	if (typeof value === 'number')
		return Number.isFinite(value) ? clockIn(value, timeZone) : undefined;
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		const ms = (value as { toMillis(): number }).toMillis();
		return Number.isFinite(ms) ? clockIn(ms, timeZone) : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const local = WALL_CLOCK.exec(text);
	if (local) {
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
	if (INSTANT.test(text)) {
		const ms = Date.parse(text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
		return Number.isNaN(ms) ? undefined : clockIn(ms, timeZone);
	}
	return undefined;
}
