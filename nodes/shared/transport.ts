import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	IPairedItemData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RequestContext, RequestPolicy } from './executor';
import { credentialsOf, executeRequest } from './executor';
import type { PageRequest, Paginator } from './paginators';
import { PagingError } from './paginators';
import type { Check, PathValues } from './validators';
import { resolvePath } from './validators';

type RoutedRequest = DeclarativeRestApiSettings.ResultOptions;
type Hook = (
	this: IExecutePaginationFunctions,
	requestData: RoutedRequest,
) => Promise<INodeExecutionData[]>;

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
				throw new NodeOperationError(
					ctx.getNode(),
					'Only function postReceive actions run through the shared transport',
				);
			}
			out = await action.call(ctx, out, response);
		}
	}
	return out;
}

/** The pairing of every item one input item produced: one object, shared (a Return All may be 100,000s of items). */
const pairingOf = (ctx: IExecuteSingleFunctions): IPairedItemData => ({ item: ctx.getItemIndex() });

function withPairedItem(
	items: INodeExecutionData[],
	pairedItem: IPairedItemData,
): INodeExecutionData[] {
	// In place: the items are this request's own.
	for (const entry of items) entry.pairedItem = pairedItem;
	return items;
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
		return [
			{
				json: { error: failure.message },
				error: failure,
				pairedItem: { item: ctx.getItemIndex() },
			},
		];
	}
}

/**
 * Runs an item's checks and builds its request: a refusal becomes an error that says nothing was sent. n8n's
 * RoutingNode rethrows any other error as a NodeApiError with the HTTP code "none", which the editor shows as
 * "From <node> · Error code none" (n8n-core routing-node.ts; NodeErrorView shows "Error code" when httpCode is set),
 * as if the vendor had answered; a NodeApiError without a code is passed through as it is.
 */
function beforeSending<T>(ctx: IExecuteSingleFunctions, vendor: string, build: () => T): T {
	try {
		return build();
	} catch (error) {
		throw refusedBeforeSending(ctx, vendor, error);
	}
}

/** Only a refusal from the checks (NodeOperationError) is reworded as "Not sent"; anything else is passed on as it is. */
function refusedBeforeSending(
	ctx: IExecuteSingleFunctions,
	vendor: string,
	error: unknown,
): unknown {
	return error instanceof NodeOperationError
		? new NodeApiError(ctx.getNode(), { message: error.message } as JsonObject, {
				message: error.message,
				description: [`Not sent: nothing went to ${vendor} for this item.`, error.description]
					.filter(Boolean)
					.join(' '),
				itemIndex: ctx.getItemIndex(),
			})
		: error;
}

/** The page's request: the page's query on top of the operation's (filters stay on every page). */
function pageOptions(base: IHttpRequestOptions, page: PageRequest): IHttpRequestOptions {
	return { ...base, qs: { ...(base.qs ?? {}), ...page.qs } };
}

/** A list that was stopped (it repeated a page or a cursor, or never ended): which list, which page, what to do. */
function pagingFailure(
	ctx: IExecuteSingleFunctions,
	policy: RequestPolicy,
	options: IHttpRequestOptions,
	error: PagingError,
): NodeOperationError {
	const list = `${String(options.method ?? 'GET').toUpperCase()} ${String(options.url ?? '')}`;
	return new NodeOperationError(
		ctx.getNode(),
		`${policy.vendor}: the list ${list} was stopped at ${error.message}`,
		{
			itemIndex: ctx.getItemIndex(),
			description: `Nothing was output for this item, so no record is missing or doubled without notice. ${policy.vendor} did not page as documented; try again later, narrow the list with filters, or use Limit.`,
		},
	);
}

/** Whether an error is the vendor's HTTP 404 (as the executor reports it). */
export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

/**
 * A list whose endpoint answers HTTP 404 when there is nothing to list (Quentn's terms of a contact without
 * terms: quentn-php ContactClient::getContactTerms returns an empty list on 404): an empty list, not an error.
 */
export function emptyOnNotFound(paginator: Paginator): Paginator {
	return {
		async collect(fetch, limit) {
			return await paginator
				.collect(fetch, limit)
				.catch(async (error: unknown) => (isNotFound(error) ? [] : await Promise.reject(error)));
		},
	};
}

/** A vendor's request policy, plus how the `{placeholders}` of its routed URLs are checked. */
interface TransportPolicy extends RequestPolicy {
	/** Per placeholder name, with a default; an opaque `id` when not set. */
	pathValues?: PathValues;
}

export interface Transport {
	policy: TransportPolicy;
	/** The node's `requestOperations.pagination`: one request per item, through the executor. */
	send: Hook;
	/** The same, with checks of the item's parameters first (an operation's `routing.operations.pagination`). */
	sendChecked(...checks: Check[]): Hook;
	/**
	 * As `sendChecked`, for a lookup where HTTP 404 means "no such record" (Quentn's contact by e-mail): no
	 * record instead of an error; the operation's postReceive still runs (e.g. to fail when the user asks).
	 */
	lookup(...checks: Check[]): Hook;
	/** An operation's `routing.operations.pagination` for a list: Return All / Limit with this paginator. */
	list(paginator: Paginator, ...checks: Check[]): Hook;
	/**
	 * An operation's `routing.operations.pagination` for "Create or Update": looks the item's record up, then
	 * sends the routed create, or the update `spec` makes of it. Each output item says which: `upsert` is
	 * `"created"` or `"updated"`.
	 */
	upsert(spec: UpsertSpec, ...checks: Check[]): Hook;
	/**
	 * Before an operation that sends many requests (bulk): a credential that cannot make the vendor's base URL (bad
	 * ids, an unknown environment) stops it at once, with the credential's own message, before anything is sent.
	 */
	checkCredential(ctx: RequestContext): Promise<void>;
	/**
	 * As `sendChecked`, for a request that needs what the vendor holds first (an id for a name, the current fields an
	 * update must repeat): `complete` reads it with GETs and returns the request to send.
	 */
	readFirst(complete: Complete, ...checks: Check[]): Hook;
	/** For custom operations and pickers: one request through the executor, the body returned. */
	request(ctx: RequestContext, options: IHttpRequestOptions, itemIndex?: number): Promise<unknown>;
}

/** A GET to the vendor (path relative to the base URL): its body, or `undefined` when the vendor answers 404. */
export type Lookup = (url: string, qs?: IDataObject) => Promise<unknown>;

/** The item's request, completed from what `lookup` reads from the vendor (see `Transport.readFirst`). */
export type Complete = (
	ctx: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
	lookup: Lookup,
) => Promise<IHttpRequestOptions>;

/** The record a Create or Update found: its id, and the record itself where the update needs its fields. */
export interface Found {
	id: string | number;
	record?: IDataObject;
}

/** How one vendor's Create or Update finds the record and updates it. */
export interface UpsertSpec {
	/** The item's existing record (`lookup` sends the request), or `undefined` when there is none. */
	find(ctx: IExecuteSingleFunctions, lookup: Lookup): Promise<Found | undefined>;
	/** The update of the found record, made from the routed create; omit when the create itself updates (it merges). */
	update?(create: IHttpRequestOptions, found: Found): IHttpRequestOptions;
}

/** The item's request as routed, after the operation's checks; anything refused here is "Not sent". */
async function prepare(
	policy: TransportPolicy,
	ctx: IExecuteSingleFunctions,
	requestData: RoutedRequest,
	checks: Check[],
): Promise<IHttpRequestOptions> {
	return beforeSending(ctx, policy.vendor, () => {
		for (const check of checks) check(ctx, requestData.options as IHttpRequestOptions);
		return {
			...(requestData.options as IHttpRequestOptions),
			url: resolvePath(ctx, String(requestData.options.url ?? ''), policy.pathValues),
		};
	});
}

/**
 * Sends one request and shapes the answer as the operation's routing says. With `notFound: 'none'` an HTTP 404
 * is no record (the operation's postReceive still runs on none).
 */
async function sendAndShape(
	policy: TransportPolicy,
	ctx: IExecuteSingleFunctions,
	requestData: RoutedRequest,
	options: IHttpRequestOptions,
	notFound: 'error' | 'none' = 'error',
): Promise<INodeExecutionData[]> {
	const response = await executeRequest(ctx, policy, options, ctx.getItemIndex()).catch(
		async (error: unknown) =>
			notFound === 'none' && isNotFound(error)
				? ({ body: [], headers: {}, statusCode: 404 } as IN8nHttpFullResponse)
				: await Promise.reject(error),
	);
	const body = response.body === '' || response.body === undefined ? {} : response.body;
	let items: INodeExecutionData[] =
		response.statusCode === 404 ? [] : [{ json: body as IDataObject }];
	if (requestData.postReceive.length) {
		items = await postReceive(ctx, requestData, items, response);
	} else if (Array.isArray(body)) {
		items = (body as IDataObject[]).map((json) => ({ json }));
	}
	return withPairedItem(items, pairingOf(ctx));
}

/** GETs through the executor, with the base URL and headers of the item's routed request; 404 → `undefined`. */
function lookupFor(
	policy: TransportPolicy,
	ctx: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Lookup {
	return async (url, qs) => {
		const options: IHttpRequestOptions = {
			baseURL: request.baseURL,
			headers: request.headers,
			method: 'GET',
			url,
			qs,
		};
		return await executeRequest(ctx, policy, options, ctx.getItemIndex()).then(
			(response) => response.body,
			async (error: unknown) => (isNotFound(error) ? undefined : await Promise.reject(error)),
		);
	};
}

/** One request per item: send, shape, pair. */
function singleHook(policy: TransportPolicy, notFound: 'error' | 'none', checks: Check[]): Hook {
	return async function (this, requestData) {
		return await guarded(this, async () => {
			const options = await prepare(policy, this, requestData, checks);
			return await sendAndShape(policy, this, requestData, options, notFound);
		});
	};
}

/** Create or Update: look the record up, then send the create or the update made of it; say which. */
function upsertHook(policy: TransportPolicy, spec: UpsertSpec, checks: Check[]): Hook {
	return async function (this, requestData) {
		return await guarded(this, async () => {
			const create = await prepare(policy, this, requestData, checks);
			const found = await spec.find(this, lookupFor(policy, this, create));
			const options = found === undefined || !spec.update ? create : spec.update(create, found);
			const upserted = found === undefined ? 'created' : 'updated';
			const items = await sendAndShape(policy, this, requestData, options);
			return items.map((item) => ({ ...item, json: { ...item.json, upsert: upserted } }));
		});
	};
}

/** Read what the vendor holds first (`complete`), then send the completed request. */
function readFirstHook(policy: TransportPolicy, complete: Complete, checks: Check[]): Hook {
	return async function (this, requestData) {
		return await guarded(this, async () => {
			const request = await prepare(policy, this, requestData, checks);
			const options = await complete(this, request, lookupFor(policy, this, request));
			return await sendAndShape(policy, this, requestData, options);
		});
	};
}

/** Return All / Limit with the paginator, every page through the executor; a list that does not move on fails. */
function listHook(policy: TransportPolicy, paginator: Paginator, checks: Check[]): Hook {
	return async function (this, requestData) {
		return await guarded(this, async () => {
			const base = await prepare(policy, this, requestData, checks);
			const returnAll = this.getNodeParameter('returnAll', false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', 50) as number);
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
			// Each item is made with its pairing: V8 then keeps both fields inside the item object; pairing it afterwards
			// gives each of 100,000 items a second allocation and makes n8n's save of them slower.
			const pairedItem = pairingOf(this);
			const listed = records.map((json) => ({ json, pairedItem }));
			// The items hold the records now: no second reference to every full record while postReceive (Simplify) cuts them.
			records.length = 0;
			const items = await postReceive(this, requestData, listed, last);
			return withPairedItem(items, pairedItem);
		});
	};
}

export function createTransport(policy: TransportPolicy): Transport {
	return {
		policy,
		send: singleHook(policy, 'error', []),
		sendChecked: (...checks) => singleHook(policy, 'error', checks),
		lookup: (...checks) => singleHook(policy, 'none', checks),
		list: (paginator, ...checks) => listHook(policy, paginator, checks),
		upsert: (spec, ...checks) => upsertHook(policy, spec, checks),
		readFirst: (complete, ...checks) => readFirstHook(policy, complete, checks),
		async checkCredential(ctx) {
			policy.baseUrl?.(await credentialsOf(ctx, policy.credentialType));
		},
		async request(ctx, options, itemIndex) {
			return (await executeRequest(ctx, policy, options, itemIndex)).body;
		},
	};
}
