import type {
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INode,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, deepCopy } from 'n8n-workflow';

import { answerLost } from './errors';
import type { RequestContext } from './executor';
import { valueAt } from './paginators';
import { guarded } from './transport';

export interface BulkEntry<P> {
	itemIndex: number;
	payload: P;
}

/** The vendor's answer for one entry of a chunk; `error` set when the vendor refused that entry. */
export interface BulkResult {
	json: IDataObject;
	error?: string;
}

export interface BulkOptions<P> {
	/** Builds one input item's payload; a throw fails that item only. */
	build(itemIndex: number): P | Promise<P>;
	/** The vendor's maximum per request. */
	chunkSize: number;
	/**
	 * Chunks in flight at once (default 1: one after another). At most the vendor's in-flight cap (its transport's
	 * `policy.maxInFlight`): the executor's gate would only queue more, and a queue of chunks at the gate makes every
	 * other request of the same account (another workflow, a picker) wait behind all of them.
	 */
	inFlight?: number;
	/** Entries with the same key are sent in the same requests (e.g. the same relation types). */
	groupBy?(payload: P): string;
	/** Sends one chunk and returns one result per entry, in the chunk's order. */
	send(chunk: Array<BulkEntry<P>>): Promise<BulkResult[]>;
	/** What an entry is, for messages: "contacts". */
	noun: string;
}

/** `unknown`: the item's request was sent and its answer lost, so it may have been stored. */
type Failure = { error: NodeApiError | NodeOperationError; json?: IDataObject; unknown?: boolean };

type Outcome = { results: Array<BulkResult | undefined>; failures: Map<number, Failure> };

function asItemError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	return error instanceof NodeOperationError || error instanceof NodeApiError
		? error
		: new NodeOperationError(node, error as Error, { itemIndex });
}

/** "bulk request 3 of 100 (1000 contacts: items 2000 to 2999)": which request, and which input items it carried. */
function chunkName(
	number: number,
	of: number,
	entries: Array<BulkEntry<unknown>>,
	noun: string,
): string {
	const first = entries[0].itemIndex;
	const last = entries[entries.length - 1].itemIndex;
	const items = first === last ? `item ${first}` : `items ${first} to ${last}`;
	return `bulk request ${number} of ${of} (${entries.length} ${noun}: ${items})`;
}

/**
 * The error of every item of a chunk whose request was sent and never answered: the vendor may have stored them,
 * so they are neither "stored" nor "failed", and the chunk is not sent again (that could store them twice).
 */
function unknownOutcome(
	node: INode,
	cause: NodeApiError | NodeOperationError,
	name: string,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(node, `Unknown: check before re-running (${name})`, {
		itemIndex,
		description: `The answer to ${name} was lost after it was sent, so the vendor may have stored it. It was not sent again, to avoid duplicates: check in the vendor which of these items are there before running them again. ${cause.message}.`,
	});
}

/** Sends one chunk and gives each of its entries a result or a failure. */
async function sendChunk<P>(
	node: INode,
	options: BulkOptions<P>,
	entries: Array<BulkEntry<P>>,
	[number, of]: [number, number],
	outcome: Outcome,
): Promise<void> {
	const { results, failures } = outcome;
	try {
		const answers = await options.send(entries);
		if (answers.length !== entries.length) {
			throw new NodeOperationError(
				node,
				`The vendor answered ${answers.length} results for ${entries.length} ${options.noun}`,
				{
					description:
						'The results cannot be matched to the input items, so none of this request is reported as stored.',
				},
			);
		}
		entries.forEach((entry, position) => {
			const answer = answers[position];
			if (answer.error !== undefined) {
				failures.set(entry.itemIndex, {
					json: answer.json,
					error: new NodeOperationError(node, answer.error, { itemIndex: entry.itemIndex }),
				});
			} else {
				results[entry.itemIndex] = answer;
			}
		});
	} catch (error) {
		const lost = answerLost(error);
		const name = chunkName(number, of, entries, options.noun);
		for (const entry of entries) {
			const cause = asItemError(node, error, entry.itemIndex);
			failures.set(entry.itemIndex, {
				error: lost ? unknownOutcome(node, cause, name, entry.itemIndex) : cause,
				unknown: lost,
			});
		}
	}
}

function chunk<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
	return out;
}

/**
 * Builds, groups and chunks the given items, then sends the chunks with up to `inFlight` in flight: the next chunk
 * goes as soon as one is answered, in input order. Each chunk's request is sent once (the executor retries only what
 * the vendor refused unseen, such as a 429), its answer is matched to its entries by position, and each result lands
 * at its item's index, so the output keeps the input order whatever order the answers come back in.
 */
async function sendItems<P>(
	node: INode,
	itemIndexes: number[],
	options: BulkOptions<P>,
): Promise<Outcome> {
	const outcome: Outcome = { results: [], failures: new Map<number, Failure>() };
	const groups = new Map<string, Array<BulkEntry<P>>>();
	for (const itemIndex of itemIndexes) {
		try {
			const payload = await options.build(itemIndex);
			const key = options.groupBy ? options.groupBy(payload) : '';
			if (!groups.has(key)) groups.set(key, []);
			groups.get(key)!.push({ itemIndex, payload });
		} catch (error) {
			outcome.failures.set(itemIndex, { error: asItemError(node, error, itemIndex) });
		}
	}

	const chunks = [...groups.values()].flatMap((entries) => chunk(entries, options.chunkSize));
	const inFlight = Math.max(1, Math.floor(options.inFlight ?? 1));
	let next = 0;
	// `inFlight` senders, each taking the next chunk as soon as its own is answered.
	const sender = async () => {
		while (next < chunks.length) {
			const number = ++next;
			await sendChunk(node, options, chunks[number - 1], [number, chunks.length], outcome);
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, chunks.length) }, sender));
	return outcome;
}

/**
 * Sends many input items through a vendor's bulk endpoint: builds each item's payload, groups and chunks
 * them to the vendor's maximum, sends the chunks (up to `inFlight` at once), and gives every input item its
 * own result, in input order, paired to it. A failed item is an error of that item: with "continue on fail"
 * it carries `error` (and goes to the error output); otherwise the node fails once everything was sent,
 * naming each failed item and saying the others were stored.
 */
export async function sendBulk<P>(
	ctx: IExecuteFunctions,
	options: BulkOptions<P>,
): Promise<INodeExecutionData[][]> {
	const node = ctx.getNode();
	const count = ctx.getInputData().length;
	const { results, failures } = await sendItems(
		node,
		Array.from({ length: count }, (_, index) => index),
		options,
	);

	const continueOnFail = ctx.continueOnFail();
	if (failures.size && !continueOnFail) {
		const failed = [...failures.entries()].sort(([a], [b]) => a - b);
		const listed = failed
			.slice(0, 20)
			.map(([index, failure]) => `item ${index}: ${failure.error.message}`)
			.join('; ');
		const more = failed.length > 20 ? `; and ${failed.length - 20} more` : '';
		const stored = count - failed.length;
		const unknown = failed.filter(([, failure]) => failure.unknown).length;
		const which = unknown ? ` (${unknown} unknown: check before re-running)` : '';
		throw new NodeOperationError(
			node,
			`${failed.length} of ${count} ${options.noun} failed${which}`,
			{
				itemIndex: failed[0][0],
				description: `${listed}${more}. The other ${stored} ${options.noun} were stored. Fix the failed items and run only those again, or turn on "Continue On Fail" to get one result per item.`,
			},
		);
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const failure = failures.get(itemIndex);
		if (failure) {
			output.push({
				json: { ...(failure.json ?? {}), error: failure.error.message },
				error: failure.error,
				pairedItem: { item: itemIndex },
			});
		} else {
			output.push({ json: results[itemIndex]!.json, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}

/** One item's parameter, as n8n's `getNodeParameter(name, itemIndex, fallback)` reads it. */
export type ItemParameter = (
	name: string,
	itemIndex: number,
	fallback?: unknown,
	options?: { extractValue?: boolean },
) => unknown;

/** Whether a stored parameter value holds an expression anywhere (n8n stores one as a string starting with "="). */
function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/**
 * Reads the items' parameters for a bulk run. A parameter whose stored value holds no expression is the same for every
 * item, so n8n resolves it once and each item gets its own copy; one with an expression is resolved per item. At
 * 100,000 items this matters: n8n 2.41 resolves every parameter through its expression engine (an isolated-vm
 * sandbox by default, n8n packages/workflow/src/expression.ts), milliseconds per call (docs/benchmarks.md).
 */
function itemParameters(ctx: IExecuteFunctions): ItemParameter {
	const stored = ctx.getNode().parameters;
	const once = new Map<string, unknown>();
	return (name, itemIndex, fallback, options) => {
		if (hasExpression(valueAt(stored, name)))
			return ctx.getNodeParameter(name, itemIndex, fallback, options);
		const key = JSON.stringify([name, fallback ?? null, options ?? null]);
		if (!once.has(key)) once.set(key, ctx.getNodeParameter(name, itemIndex, fallback, options));
		return deepCopy(once.get(key) as IDataObject);
	};
}

/**
 * What a bulk operation sends, set up once per node run: `ctx` sends the requests (through the vendor's
 * transport), `parameter` reads an item's parameters.
 */
export type BulkSetup<P> = (
	ctx: RequestContext,
	parameter: ItemParameter,
) => BulkOptions<P> | Promise<BulkOptions<P>>;

export interface BulkOperation {
	/** The node's `customOperations[resource][operation]`: every input item at once, in chunks. */
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
	/**
	 * The operation's routing, for when n8n runs the node through its RoutingNode and not the custom operation:
	 * as an AI agent's tool (n8n packages/cli/src/node-types.ts gives a declarative node an `execute` that runs
	 * RoutingNode; packages/core/.../get-input-connection-data.ts `makeHandleToolInvocation` calls only that).
	 * Each item is then sent as a one-item bulk call through the same setup, so tool and workflow send the same.
	 */
	routing: INodePropertyRouting;
}

/**
 * A bulk operation: one definition, sent in chunks as a custom operation and item by item when routed.
 * `request` is the vendor endpoint (relative to the node's base URL), shown in the description and the docs.
 */
export function bulkOperation<P>(
	request: { method: IHttpRequestMethods; url: string },
	setup: BulkSetup<P>,
): BulkOperation {
	return {
		async execute(this: IExecuteFunctions) {
			return await sendBulk(this, await setup(this, itemParameters(this)));
		},
		routing: {
			request,
			operations: {
				async pagination(this: IExecutePaginationFunctions) {
					return await guarded(this, async () => {
						const itemIndex = this.getItemIndex();
						const options = await setup(this, (name, _itemIndex, fallback, options) =>
							this.getNodeParameter(name, fallback, options),
						);
						const { results, failures } = await sendItems(this.getNode(), [itemIndex], {
							...options,
							chunkSize: 1,
						});
						const failure = failures.get(itemIndex);
						if (failure) throw failure.error;
						return [{ json: results[itemIndex]!.json, pairedItem: { item: itemIndex } }];
					});
				},
			},
		},
	};
}
