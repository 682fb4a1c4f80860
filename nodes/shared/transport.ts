import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RequestContext, RequestPolicy } from './executor';
import { executeRequest } from './executor';
import type { PageRequest, Paginator } from './paginators';
import { PagingError } from './paginators';
import type { Check, PathValues } from './validators';
import { resolvePath } from './validators';

type RoutedRequest = DeclarativeRestApiSettings.ResultOptions;
type Hook = (this: IExecutePaginationFunctions, requestData: RoutedRequest) => Promise<INodeExecutionData[]>;

/** Runs the operation's `output.postReceive` functions, as n8n's RoutingNode would. */
async function postReceive(
	ctx: IExecuteSingleFunctions,
	requestData: RoutedRequest,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	let out = items;
	for (const method of requestData.postReceive) {
		for (const action of method.actions) {
			if (typeof action !== 'function') {
				throw new NodeOperationError(ctx.getNode(), 'Only function postReceive actions run through the shared transport');
			}
			out = await action.call(ctx, out, response);
		}
	}
	return out;
}

function withPairedItem(ctx: IExecuteSingleFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	const item = ctx.getItemIndex();
	return items.map((entry) => ({ ...entry, pairedItem: { item } }));
}

/**
 * Under "continue on fail" the error becomes this item's output (paired to it, so the error output and
 * `$('Node').item` keep working); otherwise it fails the item.
 */
export async function guarded(
	ctx: IExecutePaginationFunctions,
	run: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	try {
		return await run();
	} catch (error) {
		const failure =
			error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: ctx.getItemIndex() });
		if (!ctx.continueOnFail()) throw failure;
		// n8n's engine shows an item that carries `error` as `{ error: message }`; the description stays on the error.
		return [{ json: { error: failure.message }, error: failure, pairedItem: { item: ctx.getItemIndex() } }];
	}
}

/** The page's request: the page's query on top of the operation's (filters stay on every page). */
function pageOptions(base: IHttpRequestOptions, page: PageRequest): IHttpRequestOptions {
	return { ...base, qs: { ...(base.qs ?? {}), ...page.qs } };
}

/** A list that was stopped (it repeated a page or a cursor, or never ended): which list, which page, what to do. */
function pagingFailure(ctx: IExecuteSingleFunctions, policy: RequestPolicy, options: IHttpRequestOptions, error: PagingError): NodeOperationError {
	const list = `${String(options.method ?? 'GET').toUpperCase()} ${String(options.url ?? '')}`;
	return new NodeOperationError(ctx.getNode(), `${policy.vendor}: the list ${list} was stopped at ${error.message}`, {
		itemIndex: ctx.getItemIndex(),
		description: `Nothing was output for this item, so no record is missing or doubled without notice. ${policy.vendor} did not page as documented; try again later, narrow the list with filters, or use Limit.`,
	});
}

/** A vendor's request policy, plus how the `{placeholders}` of its routed URLs are checked. */
export interface TransportPolicy extends RequestPolicy {
	/** Per placeholder name, with a default; an opaque `id` when not set. */
	pathValues?: PathValues;
}

export interface Transport {
	policy: TransportPolicy;
	/** The node's `requestOperations.pagination`: one request per item, through the executor. */
	send: Hook;
	/** The same, with checks of the item's parameters first (an operation's `routing.operations.pagination`). */
	sendChecked(...checks: Check[]): Hook;
	/** An operation's `routing.operations.pagination` for a list: Return All / Limit with this paginator. */
	list(paginator: Paginator, ...checks: Check[]): Hook;
	/** For custom operations and pickers: one request through the executor, the body returned. */
	request(ctx: RequestContext, options: IHttpRequestOptions, itemIndex?: number): Promise<unknown>;
}

export function createTransport(policy: TransportPolicy): Transport {
	const sendChecked = (...checks: Check[]): Hook =>
		async function (this, requestData) {
		return await guarded(this, async () => {
			for (const check of checks) check(this);
			const options: IHttpRequestOptions = { ...(requestData.options as IHttpRequestOptions), url: resolvePath(this, String(requestData.options.url ?? ''), policy.pathValues) };
			const response = await executeRequest(this, policy, options, this.getItemIndex());
			const body = response.body === '' || response.body === undefined ? {} : response.body;
			let items: INodeExecutionData[] = [{ json: body as IDataObject }];
			if (requestData.postReceive.length) {
				items = await postReceive(this, requestData, items, response);
			} else if (Array.isArray(body)) {
				items = (body as IDataObject[]).map((json) => ({ json }));
			}
			return withPairedItem(this, items);
		});
	};

	const list = (paginator: Paginator, ...checks: Check[]): Hook =>
		async function (this, requestData) {
			return await guarded(this, async () => {
				for (const check of checks) check(this);
				const returnAll = this.getNodeParameter('returnAll', false) as boolean;
				const limit = returnAll ? undefined : (this.getNodeParameter('limit', 50) as number);
				const base: IHttpRequestOptions = { ...(requestData.options as IHttpRequestOptions), url: resolvePath(this, String(requestData.options.url ?? ''), policy.pathValues) };
				let last: IN8nHttpFullResponse = { body: [], headers: {}, statusCode: 200 };
				let records: IDataObject[];
				try {
					records = await paginator.collect(async (page) => {
						last = await executeRequest(this, policy, pageOptions(base, page), this.getItemIndex());
						return last.body;
					}, limit);
				} catch (error) {
					throw error instanceof PagingError ? pagingFailure(this, policy, base, error) : error;
				}
				const items = await postReceive(this, requestData, records.map((json) => ({ json })), last);
				return withPairedItem(this, items);
			});
		};

	return {
		policy,
		send: sendChecked(),
		sendChecked,
		list,
		async request(ctx, options, itemIndex) {
			return (await executeRequest(ctx, policy, options, itemIndex)).body;
		},
	};
}
