import { localDateTime } from '../../nodes/shared/dates';

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
