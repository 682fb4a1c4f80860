/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, never published: the clock turns the event loop */
/**
 * Virtual time for tests of waits: the executor's retry waits and the rate gate's permit windows are taken with
 * n8n-workflow's `sleep`. On this clock a `sleep` returns when the clock reaches its end, and the clock moves on only
 * once the process has had nothing else to do for many turns of the event loop (every request of the engine tests is
 * answered in-process by nock, so that counts turns, not milliseconds). Tests then count waits and read virtual time,
 * and a busy machine cannot fail them.
 *
 * In an engine test:  jest.mock('n8n-workflow', () => require('../harness/clock').n8nWorkflowOnVirtualTime());
 * and read `virtualClock` (now, waits). A unit test can pass `createClock().sleep` where a wait is injected.
 */

/** Event-loop turns without a new wait before the clock moves on to the next wait's end. */
const QUIET_TURNS = 100;

export interface VirtualClock {
	/** Virtual milliseconds since the clock was made. */
	now(): number;
	sleep(ms: number): Promise<void>;
	/** Every wait asked for, in order. */
	readonly waits: number[];
}

export function createClock(): VirtualClock {
	let now = 0;
	let quiet = 0;
	let driving = false;
	const pending: Array<{ at: number; resolve: () => void }> = [];
	const waits: number[] = [];

	const step = () => {
		if (pending.length === 0) {
			driving = false;
			return;
		}
		if (++quiet >= QUIET_TURNS) {
			quiet = 0;
			pending.sort((a, b) => a.at - b.at);
			now = Math.max(now, pending[0].at);
			while (pending.length > 0 && pending[0].at <= now) pending.shift()!.resolve();
		}
		setImmediate(step);
	};

	return {
		now: () => now,
		waits,
		async sleep(ms: number) {
			waits.push(ms);
			quiet = 0;
			await new Promise<void>((resolve) => {
				pending.push({ at: now + Math.max(0, ms), resolve });
				if (!driving) {
					driving = true;
					setImmediate(step);
				}
			});
		},
	};
}

/** The clock `n8nWorkflowOnVirtualTime` puts behind `sleep`, for the test file that mocks n8n-workflow with it. */
export const virtualClock = createClock();

/** n8n-workflow as it is, but for `sleep`, which waits on `virtualClock`. */
export function n8nWorkflowOnVirtualTime(): Record<string, unknown> {
	const actual = jest.requireActual<Record<string, unknown>>('n8n-workflow');
	return { ...actual, sleep: virtualClock.sleep };
}
