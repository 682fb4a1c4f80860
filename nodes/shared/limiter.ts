import { sleep } from 'n8n-workflow';

/**
 * Bounds the requests in flight (and optionally their start rate) for one vendor account.
 * n8n's declarative engine starts every item's request at once; all of them pass through one gate, and so do
 * the requests of other runs of the node, other nodes and other executions with the same account.
 */
export class RequestGate {
	private active = 0;

	private readonly waiting: Array<() => void> = [];

	/** Rate permits left; a request takes one when it starts and gives it back a window after it finished. */
	private permits: number;

	private readonly waitingForPermit: Array<() => void> = [];

	constructor(
		readonly maxInFlight: number,
		/** Most requests the vendor may see in any window of `windowMs` ("N requests per second"); 0 = no limit. */
		readonly maxPerWindow = 0,
		private readonly wait: (ms: number) => Promise<void> = sleep,
		readonly windowMs = 1000,
	) {
		this.permits = maxPerWindow;
	}

	get inFlight(): number {
		return this.active;
	}

	get idle(): boolean {
		return this.active === 0 && this.waiting.length === 0 && this.waitingForPermit.length === 0;
	}

	/** Idle, and every rate permit is back: the vendor's window holds none of our requests any more. */
	get settled(): boolean {
		return this.idle && this.permits === this.maxPerWindow;
	}

	/** Called when the gate becomes settled (the registry then forgets it). */
	onSettled?: () => void;

	async acquire(): Promise<void> {
		if (this.active >= this.maxInFlight) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		} else {
			this.active++;
		}
		if (this.maxPerWindow > 0) {
			if (this.permits > 0) this.permits--;
			else await new Promise<void>((resolve) => this.waitingForPermit.push(resolve));
		}
	}

	release(): void {
		const next = this.waiting.shift();
		if (next)
			next(); // the slot passes straight to the next waiter
		else this.active--;
		if (this.maxPerWindow > 0) {
			// The vendor saw this request somewhere between its start and now: only a full window after it
			// finished can its permit be used again. Whatever the delay between our start and the vendor's
			// clock (a busy event loop, a slow network), no window of the vendor's can then hold more than
			// maxPerWindow requests. A timer that fires late only returns the permit later.
			void this.wait(this.windowMs).then(() => {
				const waiter = this.waitingForPermit.shift();
				if (waiter) waiter();
				else this.permits++;
				if (this.settled) this.onSettled?.();
			});
		}
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

/**
 * The gate of one key (a vendor account), shared by every request with that key in this n8n process. It is
 * created on first use and kept while requests run or wait and until the rate permits of the last ones
 * have returned (a window after they finished), so requests that never overlap (pages, Loop Over Items
 * batches, repeated tool calls, two workflows) still count against the same window; then it is forgotten.
 */
export async function throughGate<T>(
	key: string,
	create: () => RequestGate,
	task: () => Promise<T>,
): Promise<T> {
	let gate = gates.get(key);
	if (!gate) {
		const created = create();
		created.onSettled = () => {
			if (gates.get(key) === created) gates.delete(key);
		};
		gates.set(key, created);
		gate = created;
	}
	try {
		return await gate.run(task);
	} finally {
		if (gate.settled) gate.onSettled?.();
	}
}

/** For tests: how many gates are alive (each should be gone once its requests and permits are done). */
export function openGates(): number {
	return gates.size;
}
