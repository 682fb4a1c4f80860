import type {
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INode,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { answerLost } from './errors';
import type { RequestContext } from './executor';
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

/** "bulk request 3 (1000 contacts: items 2000 to 2999)": which request, and which input items it carried. */
function chunkName(number: number, entries: Array<BulkEntry<unknown>>, noun: string): string {
	const first = entries[0].itemIndex;
	const last = entries[entries.length - 1].itemIndex;
	const items = first === last ? `item ${first}` : `items ${first} to ${last}`;
	return `bulk request ${number} (${entries.length} ${noun}: ${items})`;
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
	number: number,
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
		const name = chunkName(number, entries, options.noun);
		for (const entry of entries) {
			const cause = asItemError(node, error, entry.itemIndex);
			failures.set(entry.itemIndex, {
				error: lost ? unknownOutcome(node, cause, name, entry.itemIndex) : cause,
				unknown: lost,
			});
		}
	}
}

/**
 * Builds, groups, chunks and sends the given items; every item ends up with a result or a failure. A chunk is sent as
 * soon as it is full, while the next items are built, with up to `inFlight` chunks in flight: each chunk's request is
 * sent once (the executor retries only what the vendor refused unseen, such as a 429), its answer is matched to its
 * entries by position, and results land at their item's index, so the output keeps the input order whatever order
 * the answers come back in.
 */
async function sendItems<P>(
	node: INode,
	itemIndexes: number[],
	options: BulkOptions<P>,
): Promise<Outcome> {
	const outcome: Outcome = { results: [], failures: new Map<number, Failure>() };
	const inFlight = Math.max(1, Math.floor(options.inFlight ?? 1));
	const sending = new Set<Promise<void>>();
	let sent = 0;

	const launch = async (entries: Array<BulkEntry<P>>) => {
		while (sending.size >= inFlight) await Promise.race(sending);
		const done = sendChunk(node, options, entries, ++sent, outcome).finally(() =>
			sending.delete(done),
		);
		sending.add(done);
	};

	const open = new Map<string, Array<BulkEntry<P>>>();
	for (const itemIndex of itemIndexes) {
		let payload: P;
		let key: string;
		try {
			payload = await options.build(itemIndex);
			key = options.groupBy ? options.groupBy(payload) : '';
		} catch (error) {
			outcome.failures.set(itemIndex, { error: asItemError(node, error, itemIndex) });
			continue;
		}
		const entries = open.get(key) ?? [];
		entries.push({ itemIndex, payload });
		open.set(key, entries);
		if (entries.length >= options.chunkSize) {
			open.delete(key);
			await launch(entries);
		}
	}
	for (const entries of open.values()) await launch(entries);
	await Promise.all(sending);
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
			const options = await setup(this, (name, itemIndex, fallback, options) =>
				this.getNodeParameter(name, itemIndex, fallback, options),
			);
			return await sendBulk(this, options);
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
