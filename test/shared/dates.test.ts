import { instantOf, localDateTime, utcDateTime } from '../../nodes/shared/dates';

describe('localDateTime (yyyy-MM-ddTHH:mm:ss, no zone)', () => {
	test.each([
		['2026-01-10T09:30:00', '2026-01-10T09:30:00'],
		['2026-01-10T09:30:00.000', '2026-01-10T09:30:00'],
		[' 2026-01-10 09:30 ', '2026-01-10T09:30:00'],
		['2026-01-10', '2026-01-10T00:00:00'],
	])('a value without a zone is kept as written: %j', (value, expected) => {
		expect(localDateTime(value, 'Asia/Tokyo')).toBe(expected);
	});

	test.each([
		['2026-01-10T08:30:00Z', 'Europe/Berlin', '2026-01-10T09:30:00'],
		['2026-07-10T08:30:00Z', 'Europe/Berlin', '2026-07-10T10:30:00'],
		['2026-01-10T09:30:00.999+0100', 'UTC', '2026-01-10T08:30:00'],
		['2026-01-10T09:30:00-05:00', 'America/New_York', '2026-01-10T09:30:00'],
		['2026-01-10T23:30:00Z', 'Asia/Tokyo', '2026-01-11T08:30:00'],
	])('a moment %j is the clock time in %s', (value, zone, expected) => {
		expect(localDateTime(value, zone)).toBe(expected);
	});

	test('milliseconds, Dates and Luxon-like DateTimes are moments', () => {
		const ms = Date.UTC(2026, 0, 10, 8, 30, 15, 250);
		expect(localDateTime(ms, 'Europe/Berlin')).toBe('2026-01-10T09:30:15');
		expect(localDateTime(new Date(ms), 'UTC')).toBe('2026-01-10T08:30:15');
		expect(localDateTime({ toMillis: () => ms }, 'Europe/Berlin')).toBe('2026-01-10T09:30:15');
	});

	test.each([
		['next tuesday'],
		['2026-02-30'],
		['2026-01-10T25:00'],
		[''],
		[Number.NaN],
		[new Date('x')],
		[{}],
		[null],
		[true],
	])('%j is not a date', (value) => {
		expect(localDateTime(value, 'UTC')).toBeUndefined();
	});
});

describe('utcDateTime (a date value as the UTC time a vendor takes)', () => {
	test.each([
		// A value without a zone is a clock time in the workflow's zone.
		['2026-01-10T09:30:00', 'Europe/Brussels', '2026-01-10 08:30:00'],
		['2026-07-10T09:30:00', 'Europe/Brussels', '2026-07-10 07:30:00'],
		['2026-01-10 09:30', 'America/New_York', '2026-01-10 14:30:00'],
		['2026-07-10', 'America/New_York', '2026-07-10 04:00:00'],
		// Across midnight and across the year.
		['2026-01-01T00:30:00', 'Europe/Brussels', '2025-12-31 23:30:00'],
		// Before 1970 (a date of birth).
		['1965-03-01', 'Europe/Brussels', '1965-02-28 23:00:00'],
		// The day a DST change happens, after it: Brussels 2026-03-29 03:30 is UTC+2.
		['2026-03-29T03:30:00', 'Europe/Brussels', '2026-03-29 01:30:00'],
		['2026-11-01T12:00:00', 'America/New_York', '2026-11-01 17:00:00'],
		// An instant is exact, whatever the workflow's zone.
		['2026-01-10T09:30:00+01:00', 'America/New_York', '2026-01-10 08:30:00'],
		['2026-01-10T09:30:00.999-0500', 'Europe/Brussels', '2026-01-10 14:30:00'],
		['2026-01-10T08:30:00Z', 'Asia/Tokyo', '2026-01-10 08:30:00'],
	])('%j in %s → %s', (value, zone, expected) => {
		expect(utcDateTime(value, zone, 'space')).toBe(expected);
	});

	test('ISO form: +00:00', () => {
		expect(utcDateTime('2026-01-10T09:30:00', 'Europe/Brussels', 'iso')).toBe(
			'2026-01-10T08:30:00+00:00',
		);
	});

	test('milliseconds, Dates and Luxon-like DateTimes are instants', () => {
		const ms = Date.UTC(2026, 0, 10, 8, 30, 15, 250);
		expect(utcDateTime(ms, 'Europe/Brussels', 'space')).toBe('2026-01-10 08:30:15');
		expect(utcDateTime(new Date(ms), 'America/New_York', 'iso')).toBe('2026-01-10T08:30:15+00:00');
		expect(utcDateTime({ toMillis: () => ms }, 'Europe/Brussels', 'space')).toBe(
			'2026-01-10 08:30:15',
		);
		expect(instantOf({ toMillis: () => ms }, 'UTC')).toBe(ms);
	});

	test.each([['next tuesday'], ['2026-02-30'], [''], [Number.NaN], [{}], [null]])(
		'%j is not a date',
		(value) => {
			expect(utcDateTime(value, 'Europe/Brussels', 'space')).toBeUndefined();
		},
	);
});
