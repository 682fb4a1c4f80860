import type { Change } from '../../nodes/shared/changes';
import {
	CUSTOM_POLL_INTERVAL_MS,
	advanceWindow,
	claimPoll,
	pollIntervalMs,
} from '../../nodes/shared/changes';

const change = (id: number, at: number): Change => ({ key: `${id}@${at}`, at, record: { id } });
const OVERLAP = 100;

describe('advanceWindow', () => {
	test('new changes are fresh, the window moves to the latest change minus the overlap', () => {
		const step = advanceWindow({ since: 1000, seen: {} }, [change(1, 1100), change(2, 1500)], {
			overlapMs: OVERLAP,
			complete: true,
		});
		expect(step.fresh.map((c) => c.record.id)).toEqual([1, 2]);
		expect(step.next).toEqual({ since: 1400, seen: { '2@1500': 1500 } });
	});

	test('a change listed again in the overlap is not fresh; a later version of the same record is', () => {
		const first = advanceWindow({ since: 1000, seen: {} }, [change(1, 1450), change(2, 1500)], {
			overlapMs: OVERLAP,
			complete: true,
		});
		const second = advanceWindow(first.next, [change(1, 1450), change(2, 1500), change(2, 1600)], {
			overlapMs: OVERLAP,
			complete: true,
		});
		expect(second.fresh.map((c) => c.key)).toEqual(['2@1600']);
		expect(second.next.since).toBe(1500);
	});

	test('a change older than the latest but inside the overlap (late commit) is still fresh', () => {
		const first = advanceWindow({ since: 1000, seen: {} }, [change(2, 1500)], {
			overlapMs: OVERLAP,
			complete: true,
		});
		const second = advanceWindow(first.next, [change(3, 1420), change(2, 1500)], {
			overlapMs: OVERLAP,
			complete: true,
		});
		expect(second.fresh.map((c) => c.key)).toEqual(['3@1420']);
	});

	test('changes before the window are ignored (they belonged to an earlier poll)', () => {
		const step = advanceWindow({ since: 1000, seen: {} }, [change(1, 999), change(2, Number.NaN)], {
			overlapMs: OVERLAP,
			complete: true,
		});
		expect(step.fresh).toEqual([]);
		expect(step.next.since).toBe(1000);
	});

	test('an incomplete listing emits what it found but keeps the window, so the next poll reads it again', () => {
		const first = advanceWindow({ since: 1000, seen: {} }, [change(1, 1100), change(2, 5000)], {
			overlapMs: OVERLAP,
			complete: false,
		});
		expect(first.fresh).toHaveLength(2);
		expect(first.next.since).toBe(1000);
		const second = advanceWindow(first.next, [change(1, 1100), change(3, 1200), change(2, 5000)], {
			overlapMs: OVERLAP,
			complete: true,
		});
		expect(second.fresh.map((c) => c.key)).toEqual(['3@1200']);
		expect(second.next).toEqual({ since: 4900, seen: { '2@5000': 5000 } });
	});

	test('the window never moves back', () => {
		const step = advanceWindow({ since: 1000, seen: {} }, [change(1, 1050)], {
			overlapMs: OVERLAP,
			complete: true,
		});
		expect(step.next.since).toBe(1000);
		expect(step.next.seen).toEqual({ '1@1050': 1050 });
	});

	test('a change stamped exactly at the window start, listed by two polls in a row, is emitted once', () => {
		const options = { overlapMs: OVERLAP, complete: true };
		const first = advanceWindow({ since: 1000, seen: {} }, [change(1, 1000)], options);
		expect(first.fresh.map((c) => c.key)).toEqual(['1@1000']);
		const second = advanceWindow(first.next, [change(1, 1000)], options);
		expect(second.fresh).toEqual([]);
		// The window moved so that it starts exactly at an emitted change: still recognised.
		const moved = advanceWindow(second.next, [change(1, 1000), change(2, 1100)], options);
		expect(moved.next.since).toBe(1000);
		const third = advanceWindow(moved.next, [change(1, 1000), change(2, 1100)], options);
		expect(third.fresh).toEqual([]);
	});

	test('a poll that stopped at its budget: the next window starts at the latest change read, without overlap', () => {
		const step = advanceWindow(
			{ since: 1000, seen: {} },
			[change(1, 1100), change(2, 1300), change(3, 1300)],
			{ overlapMs: OVERLAP, complete: false, stopped: true },
		);
		expect(step.fresh).toHaveLength(3);
		expect(step.next).toEqual({ since: 1300, seen: { '2@1300': 1300, '3@1300': 1300 } });
	});

	test('the window start is rounded down to the listing resolution and keeps what it covers', () => {
		const step = advanceWindow({ since: 1000, seen: {} }, [change(1, 2400), change(2, 2900)], {
			overlapMs: 600,
			complete: true,
			resolutionMs: 1000,
		});
		expect(step.next).toEqual({ since: 2000, seen: { '1@2400': 2400, '2@2900': 2900 } });
	});
});

describe('claimPoll', () => {
	test('one poll of a state at a time; a claim older than the lease is taken over', () => {
		const state = { since: 0, seen: {} };
		expect(claimPoll(state, 10_000, 5_000)).toBe(true);
		expect(claimPoll(state, 12_000, 5_000)).toBe(false);
		expect(claimPoll(state, 15_000, 5_000)).toBe(true);
	});
});

describe('pollIntervalMs', () => {
	test('the shortest period of the Poll Times, plus the minute n8n picks a random second in', () => {
		const minute = 60_000;
		expect(pollIntervalMs({ item: [{ mode: 'everyMinute' }] })).toBe(2 * minute);
		expect(pollIntervalMs({ item: [{ mode: 'everyX', value: 5, unit: 'minutes' }] })).toBe(
			6 * minute,
		);
		expect(
			pollIntervalMs({ item: [{ mode: 'everyDay' }, { mode: 'everyX', value: 2, unit: 'hours' }] }),
		).toBe(121 * minute);
		const custom = (cronExpression: string) =>
			pollIntervalMs({ item: [{ mode: 'custom', cronExpression }] }) - minute;
		expect(custom('15 * * * * *')).toBe(minute);
		expect(custom('*/10 * * * *')).toBe(10 * minute);
		expect(custom('0 */3 * * *')).toBe(180 * minute);
		expect(custom('30 0 8 * * *')).toBe(24 * 60 * minute);
		expect(custom('0 8 * * 1-5')).toBe(CUSTOM_POLL_INTERVAL_MS);
		expect(custom('0,30 * * * *')).toBe(CUSTOM_POLL_INTERVAL_MS);
		expect(pollIntervalMs(undefined)).toBe(2 * minute);
	});
});
