import { sleep } from 'n8n-workflow';

import { openGates, RequestGate, throughGate } from '../../nodes/shared/limiter';
import { createClock } from '../harness/clock';

const tick = (ms: number) => sleep(ms);

describe('RequestGate', () => {
	test('never lets more than maxInFlight run at once, and runs everything', async () => {
		const gate = new RequestGate(3);
		let running = 0;
		let most = 0;
		const done = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				gate.run(async () => {
					running++;
					most = Math.max(most, running);
					await tick(5);
					running--;
					return i;
				}),
			),
		);
		expect(most).toBe(3);
		expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(gate.idle).toBe(true);
	});

	/** Every window of `windowMs` holds at most `most` of these start times (1 ms of timer slack). */
	const mostInAnyWindow = (starts: number[], windowMs: number) =>
		Math.max(
			...starts.map((from) => starts.filter((t) => t >= from && t < from + windowMs - 1).length),
		);

	test('starts at most maxPerWindow requests in any window, and the first ones at once', async () => {
		// Virtual time: a window is 100 ms of the clock, whatever the machine's load.
		const clock = createClock();
		const gate = new RequestGate(10, 4, clock.sleep, 100);
		const starts: number[] = [];
		await Promise.all(
			Array.from({ length: 10 }, () => gate.run(async () => void starts.push(clock.now()))),
		);
		// 4 at once, 4 a window later, 2 two windows later: not spread out one by one.
		expect(starts).toEqual([0, 0, 0, 0, 100, 100, 100, 100, 200, 200]);
		expect(mostInAnyWindow(starts, 100)).toBe(4);
		expect(clock.waits).toEqual(Array(10).fill(100)); // each permit comes back a window after its request
	});

	test('a late timer does not let the starts behind it burst', async () => {
		// The first wait "oversleeps" by 150 ms (a busy event loop); no window may then hold more than 4 starts.
		const clock = createClock();
		let first = true;
		const gate = new RequestGate(
			10,
			4,
			async (ms) => {
				const late = first ? 150 : 0;
				first = false;
				await clock.sleep(ms + late);
			},
			100,
		);
		const starts: number[] = [];
		await Promise.all(
			Array.from({ length: 12 }, () => gate.run(async () => void starts.push(clock.now()))),
		);
		expect(starts).toHaveLength(12);
		expect(mostInAnyWindow(starts, 100)).toBeLessThanOrEqual(4);
		// The late permit came back at 250 and is used alone there: the others keep their own windows.
		expect(starts).toEqual([0, 0, 0, 0, 100, 100, 100, 200, 200, 200, 250, 300]);
	});

	test('a failing task releases its slot', async () => {
		const gate = new RequestGate(1);
		await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		await expect(gate.run(async () => 'next')).resolves.toBe('next');
	});

	test('gates are shared per key and forgotten when idle', async () => {
		let created = 0;
		const make = () => {
			created++;
			return new RequestGate(2);
		};
		await Promise.all([
			throughGate('run-1', make, () => tick(5)),
			throughGate('run-1', make, () => tick(5)),
		]);
		expect(created).toBe(1);
		expect(openGates()).toBe(0);
	});

	test('a rate-limited gate outlives idle periods until its permits are back, then it is forgotten', async () => {
		// Permits come back when the test says so (an injected wait): no wall-clock timing.
		const pending: Array<() => void> = [];
		const wait = () => new Promise<void>((resolve) => pending.push(resolve));
		let created = 0;
		const make = () => {
			created++;
			return new RequestGate(5, 2, wait);
		};
		await throughGate('account-1', make, async () => 'a');
		await throughGate('account-1', make, async () => 'b');
		// Idle, but both permits are still out: the gate (and its window) stays.
		expect(openGates()).toBe(1);
		let third = false;
		const next = throughGate('account-1', make, async () => {
			third = true;
		});
		await tick(0);
		expect(third).toBe(false); // the window is full: it waits for a permit
		expect(created).toBe(1); // the same gate, not a fresh one at full rate
		pending.shift()!();
		await next;
		expect(third).toBe(true);
		while (pending.length) {
			pending.shift()!();
			await tick(0);
		}
		expect(openGates()).toBe(0);
	});
});
