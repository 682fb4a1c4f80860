import { openGates, RequestGate, throughGate } from '../../nodes/shared/limiter';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

	test('paces starts at least minIntervalMs apart', async () => {
		const waits: number[] = [];
		const gate = new RequestGate(10, 25, async (ms) => {
			waits.push(ms);
			await tick(ms);
		});
		const starts: number[] = [];
		await Promise.all(Array.from({ length: 5 }, () => gate.run(async () => void starts.push(Date.now()))));
		for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(20);
		expect(waits).toHaveLength(4);
	});

	test('a late timer does not let the starts behind it burst', async () => {
		// The first wait "oversleeps" by 100 ms (a busy event loop); the next starts must still be 25 ms apart.
		let first = true;
		const gate = new RequestGate(10, 25, async (ms) => {
			const late = first ? 100 : 0;
			first = false;
			await tick(ms + late);
		});
		const starts: number[] = [];
		await Promise.all(Array.from({ length: 6 }, () => gate.run(async () => void starts.push(Date.now()))));
		for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(20);
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
		await Promise.all([throughGate('run-1', make, () => tick(5)), throughGate('run-1', make, () => tick(5))]);
		expect(created).toBe(1);
		expect(openGates()).toBe(0);
	});
});
