import type { Change } from '../../nodes/shared/changes';
import { advanceWindow } from '../../nodes/shared/changes';

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
});
