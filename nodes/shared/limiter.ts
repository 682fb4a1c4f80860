import { sleep } from 'n8n-workflow';

/**
 * Bounds the requests in flight (and optionally their start rate) for one node run.
 * n8n's declarative engine starts every item's request at once; all of them pass through one gate.
 */
export class RequestGate {
	private active = 0;

	private readonly waiting: Array<() => void> = [];

	private lastStart = 0;

	private pacing: Promise<void> = Promise.resolve();

	constructor(
		readonly maxInFlight: number,
		/** Minimum milliseconds between two request starts (1000 / requests per second); 0 = no pacing. */
		readonly minIntervalMs = 0,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {}

	get inFlight(): number {
		return this.active;
	}

	get idle(): boolean {
		return this.active === 0 && this.waiting.length === 0;
	}

	async acquire(): Promise<void> {
		if (this.active >= this.maxInFlight) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		} else {
			this.active++;
		}
		if (this.minIntervalMs > 0) {
			// Starts are taken one after another, each at least minIntervalMs after the previous one *really*
			// started: a timer that fires late (a busy event loop) delays the rest instead of letting them burst.
			const turn = this.pacing.then(async () => {
				const due = this.lastStart + this.minIntervalMs - Date.now();
				if (due > 0) await this.wait(due);
				this.lastStart = Date.now();
			});
			this.pacing = turn;
			await turn;
		}
	}

	release(): void {
		const next = this.waiting.shift();
		if (next) next(); // the slot passes straight to the next waiter
		else this.active--;
	}

	async run<T>(task: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await task();
		} finally {
			this.release();
		}
	}
}

const gates = new Map<string, RequestGate>();

/** The gate of one node run, created on first use and forgotten when it falls idle. */
export async function throughGate<T>(
	key: string,
	create: () => RequestGate,
	task: () => Promise<T>,
): Promise<T> {
	let gate = gates.get(key);
	if (!gate) {
		gate = create();
		gates.set(key, gate);
	}
	try {
		return await gate.run(task);
	} finally {
		if (gate.idle && gates.get(key) === gate) gates.delete(key);
	}
}

/** For tests: how many gates are alive (each should be gone once its run ends). */
export function openGates(): number {
	return gates.size;
}
