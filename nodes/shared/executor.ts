import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { createHash } from 'crypto';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { ErrorHints } from './errors';
import { CERTIFICATE_CODES, apiError, networkError, ssrfError } from './errors';
import { RequestGate, throughGate } from './limiter';

interface RetrySettings {
	/** Attempts in all, the first included, not counting attempts the vendor refused with 429. */
	maxAttempts: number;
	/**
	 * Attempts refused with 429 (too many requests) that are tried again. A 429 is work the vendor did not do, so
	 * it is always safe to send again; it is bounded by this, the wait budget and the deadline, not by maxAttempts.
	 */
	maxRateLimited: number;
	/** First backoff step; doubled on each retry, with jitter. */
	baseDelayMs: number;
	/** Longest single wait (a longer Retry-After ends the retries). */
	maxDelayMs: number;
	/** Longest total time spent waiting between attempts of one request. */
	maxTotalWaitMs: number;
	/** Injected in unit tests; n8n's `sleep` otherwise. */
	wait?: (ms: number) => Promise<void>;
	/** Injected in unit tests; `Math.random` otherwise. */
	random?: () => number;
	/**
	 * Longest time one item's request may take, every attempt and wait included (counted from the start of
	 * its first attempt): each attempt's timeout is cut to what is left, and no retry starts past it.
	 */
	deadlineMs: number;
	/** Injected in unit tests; `Date.now` otherwise. */
	now?: () => number;
	/**
	 * Outage breaker: after this many items in a row of one node run failed on a server error (5xx) or no
	 * connection, after their retries, the run's remaining items fail at once without a request. 0 = off.
	 */
	breakerAfter: number;
}

export const DEFAULT_RETRY: RetrySettings = {
	maxAttempts: 5,
	// ChartMogul's own client retries 429 and 5xx up to 20 times (chartmogul-node lib/chartmogul/util/retry.js). When
	// several n8n processes (queue-mode workers) share an account, each keeps its own rate gate and 429s come in runs.
	maxRateLimited: 20,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 90_000,
	// n8n gives a declarative request 300 s per attempt (RoutingNode's default timeout, n8n packages/core
	// src/execution-engine/routing-node.ts), so 5 attempts could hold a slot for 25 minutes. 180 s is twice the
	// wait budget above and far longer than any answer these APIs give to one page or one 1,000-contact call.
	deadlineMs: 180_000,
	// Three items in a row, each already retried up to 5 times, is an outage, not bad luck: the rest of the run
	// would only multiply requests against a vendor that is down (and each POST that timed out is a maybe-duplicate).
	breakerAfter: 3,
};

/** n8n's default timeout of one declarative request (RoutingNode), used when the request sets none. */
const N8N_TIMEOUT_MS = 300_000;

/** A vendor's base URL from its credential: `baseUrlOf` in nodes/<Vendor>/baseUrl.ts, one per vendor. */
export type BaseUrlOf = (credentials: ICredentialDataDecryptedObject) => string;

/** How one vendor's requests are sent: which credential, how many at once, and what to tell the user. */
export interface RequestPolicy extends ErrorHints {
	credentialType: string;
	/**
	 * The vendor's base URL from its credential (`baseUrlOf` in nodes/<Vendor>/baseUrl.ts). The credential's
	 * `authenticate` puts it on every request that has none: that is the one way a request reaches its vendor. Here it
	 * only names the host of a request that failed on the network, and lets an operation check the credential first.
	 */
	baseUrl?: BaseUrlOf;
	/** Requests in flight for one vendor account (n8n would otherwise start every item's request at once). */
	maxInFlight: number;
	/** Optional pacing: most requests in any one second, for one vendor account in this n8n process. */
	maxPerSecond?: number;
	/** Credential fields whose values must never appear in an error, an output item or a log line. */
	secretFields: string[];
	retry?: Partial<RetrySettings>;
}

export type RequestContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IPollFunctions;

/** Methods that may be sent again after the connection broke mid-request (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Network failures before anything reached the server that may pass: retried for every method. EAI_AGAIN is
 * getaddrinfo's "temporary failure in name resolution; try again later" (getaddrinfo(3),
 * https://man7.org/linux/man-pages/man3/getaddrinfo.3.html), unlike ENOTFOUND (EAI_NONAME: the name does not exist).
 */
const NOT_SENT = new Set(['EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

// Not retried at all: ENOTFOUND (the host name does not exist), ECONNREFUSED (nothing listens there) and refused
// TLS certificates. Retrying cannot fix an address; the error names the credential field that makes it.

/** Network failures after the request may have reached the server: retried for idempotent methods only. */
const AMBIGUOUS = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'EPIPE']);

/** Whether an HTTP status is worth another attempt for this method. */
export function retryableStatus(status: number, method: string): boolean {
	if (status === 429 || status === 503) return true;
	return (status === 502 || status === 504) && IDEMPOTENT.has(method);
}

/** Whether a network error code is worth another attempt for this method. */
export function retryableNetworkError(code: string, method: string): boolean {
	if (NOT_SENT.has(code)) return true;
	return AMBIGUOUS.has(code) && IDEMPOTENT.has(method);
}

/** Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half the step fixed, half random. `attempt` counts from 1. */
export function backoffMs(attempt: number, settings: RetrySettings): number {
	const random = settings.random ?? Math.random;
	const step = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(step / 2 + random() * (step / 2));
}

/** The first error code in an error and its causes: axios's `code`, or `httpCode` on n8n's NodeApiError around it. */
function codeOf(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		for (const key of ['code', 'httpCode']) {
			const code = (current as IDataObject)[key];
			if (typeof code === 'string' && (/^E[A-Z_]+$/.test(code) || CERTIFICATE_CODES.has(code)))
				return code;
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/**
 * The network code of a failed attempt ('' for a network failure without one), or undefined when it is no network
 * failure at all (e.g. a validation error raised while signing). n8n wraps axios's error in a NodeApiError whose
 * `httpCode` and `cause` carry axios's `code` (n8n packages/core request-helper-functions.ts,
 * httpRequestWithAuthentication; packages/workflow src/errors/node-api.error.ts): the code decides. The message is
 * read only when no code is given; a timeout told by its message alone may have reached the server (ETIMEDOUT).
 */
function networkCode(failure: unknown): string | undefined {
	const code = codeOf(failure);
	if (code) return code;
	if (!(failure instanceof Error)) return '';
	if (/socket hang up/i.test(failure.message)) return 'ECONNRESET';
	if (/timeout|timed out/i.test(failure.message)) return 'ETIMEDOUT';
	return /ECONN|socket|network/i.test(failure.message) ? '' : undefined;
}

async function secretsOf(ctx: RequestContext, policy: RequestPolicy): Promise<string[]> {
	const credentials = await credentialsOf(ctx, policy.credentialType).catch(() => undefined);
	if (!credentials) return [];
	return policy.secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string' && value !== '');
}

/**
 * The credential of a context, read once: n8n reads a credential from its database and decrypts it on every
 * `getCredentials` call, and `httpRequestWithAuthentication` calls it for every request unless it is handed the
 * decrypted credential (its `credentialsDecrypted` option, n8n-core request-helpers/authentication.ts). A context is
 * one item of one node run (routed operations), one node run (custom operations) or one picker call, so a
 * credential changed in n8n is read again by the next run.
 */
export async function credentialsOf(
	ctx: RequestContext,
	credentialType: string,
): Promise<ICredentialDataDecryptedObject> {
	let read = credentialReads.get(ctx);
	if (!read) credentialReads.set(ctx, (read = new Map()));
	let credentials = read.get(credentialType);
	if (!credentials) {
		credentials = ctx.getCredentials(credentialType);
		read.set(credentialType, credentials);
		// A failed read (no credential chosen) is not kept: the next call asks n8n again and gets its own error.
		credentials.catch(() => read.delete(credentialType));
	}
	return await credentials;
}

const credentialReads = new WeakMap<
	RequestContext,
	Map<string, Promise<ICredentialDataDecryptedObject>>
>();

/**
 * The gate of a vendor account: a hash of the credential's values, so every node, run and execution using the
 * same account shares one window, while the key never holds a secret. (Vendors count their limits per
 * account, e.g. ChartMogul per API key: https://dev.chartmogul.com/docs/rate-limits.) Without readable
 * credentials, the credential's id stands in.
 */
async function gateKey(ctx: RequestContext, policy: RequestPolicy): Promise<string> {
	let material: string;
	try {
		const credentials = await credentialsOf(ctx, policy.credentialType);
		material = JSON.stringify(
			Object.keys(credentials)
				.sort()
				.map((key) => [key, credentials[key]]),
		);
	} catch {
		material = `id:${ctx.getNode().credentials?.[policy.credentialType]?.id ?? ''}`;
	}
	return `${policy.credentialType}:${createHash('sha256').update(material).digest('hex')}`;
}

/** The credential as `httpRequestWithAuthentication` takes it decrypted; `undefined` lets n8n read it (and fail). */
async function decrypted(
	ctx: RequestContext,
	credentialType: string,
): Promise<IAdditionalCredentialOptions | undefined> {
	const data = await credentialsOf(ctx, credentialType).catch(() => undefined);
	if (!data) return undefined;
	const { id, name } = ctx.getNode().credentials?.[credentialType] ?? {};
	// A copy per request: n8n may add to it (pre-authentication), the cached one stays as read.
	return {
		credentialsDecrypted: {
			id: id ?? '',
			name: name ?? '',
			type: credentialType,
			data: { ...data },
		},
	};
}

/**
 * The host a failed request went to: as the DNS error names it ("getaddrinfo ENOTFOUND host"), or from its URL on
 * the base its credential gives it.
 */
function hostOf(sending: Sending, detail: string): string | undefined {
	const named = /(?:ENOTFOUND|EAI_AGAIN)\s+([A-Za-z0-9.-]+)/.exec(detail)?.[1];
	if (named) return named;
	const { request: options, policy, authentication } = sending;
	try {
		const credentials = authentication?.credentialsDecrypted?.data;
		const base = options.baseURL ?? (credentials && policy.baseUrl?.(credentials));
		return new URL(String(options.url ?? ''), base).host || undefined;
	} catch {
		return undefined;
	}
}

/** n8n's signal that the execution was stopped (n8n-workflow `getExecutionCancelSignal`; absent in pickers). */
function cancelSignal(ctx: RequestContext): AbortSignal | undefined {
	const get = (ctx as Partial<IExecuteSingleFunctions>).getExecutionCancelSignal;
	return typeof get === 'function' ? get.call(ctx) : undefined;
}

/** Waits, unless the execution is stopped first: then returns at once (false). */
async function waitUnlessStopped(
	wait: (ms: number) => Promise<void>,
	ms: number,
	signal?: AbortSignal,
): Promise<boolean> {
	if (!signal) {
		await wait(ms);
		return true;
	}
	if (signal.aborted) return false;
	return await new Promise<boolean>((resolve, reject) => {
		const onAbort = () => resolve(false);
		signal.addEventListener('abort', onAbort, { once: true });
		wait(ms).then(
			() => {
				signal.removeEventListener('abort', onAbort);
				resolve(!signal.aborted);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error as Error);
			},
		);
	});
}

/** The outage state of one node run: items that failed one after another, whether sending stopped, and why. */
interface Breaker {
	failedInARow: number;
	open: boolean;
	/** The error of the item that stopped sending (message and fix), repeated on every item not sent. */
	cause?: string;
}

/** Keyed by the node run's execute data (one object per run of a node, shared by its items): no leak. */
const breakers = new WeakMap<object, Breaker>();

function breakerOf(ctx: RequestContext): Breaker | undefined {
	const get = (ctx as Partial<IExecuteSingleFunctions>).getExecuteData;
	if (typeof get !== 'function') return undefined; // pickers and pollers: no node run to protect
	const run = get.call(ctx) as unknown;
	if (!run || typeof run !== 'object') return undefined;
	let breaker = breakers.get(run);
	if (!breaker) {
		breaker = { failedInARow: 0, open: false };
		breakers.set(run, breaker);
	}
	return breaker;
}

/** One item's request on its way: what it sends, and what it has spent of its attempts, waits and time. */
interface Sending {
	ctx: RequestContext;
	policy: RequestPolicy;
	settings: RetrySettings;
	node: INode;
	itemIndex?: number;
	method: string;
	request: IHttpRequestOptions;
	gateKey: string;
	authentication?: IAdditionalCredentialOptions;
	signal?: AbortSignal;
	breaker?: Breaker;
	/** Attempts made, the current one included. */
	attempt: number;
	/** Attempts answered 429. */
	rateLimited: number;
	/** Milliseconds waited between attempts. */
	waited: number;
	/** When the item's time is up: set as its first attempt starts. */
	deadline?: number;
}

/** What one attempt came back with: an HTTP answer (any status), or the error it failed with. */
type Outcome = { response: IN8nHttpFullResponse } | { failure: unknown };

/** A failed attempt: its HTTP answer (status 0 without one), or its network code ('' if none) and n8n's text. */
interface Failed {
	status: number;
	response?: IN8nHttpFullResponse;
	code: string;
	detail: string;
}

/** What a failed attempt leads to: a wait before the next one, or the end (and whether time ended it). */
interface Verdict {
	retryIn?: number;
	outOfTime: boolean;
}

/**
 * Sends one request with the vendor's credential. Every request of every operation goes through here:
 * it bounds the requests in flight for the vendor account, retries what is safe to retry within a deadline,
 * stops when the execution is stopped, and turns failures into errors that carry the vendor's message, a fix,
 * and no secret.
 */
export async function executeRequest(
	ctx: RequestContext,
	policy: RequestPolicy,
	options: IHttpRequestOptions,
	itemIndex?: number,
): Promise<IN8nHttpFullResponse> {
	const sending = await prepare(ctx, policy, options, itemIndex);
	for (;;) {
		sending.attempt++;
		const outcome = await attempt(sending);
		if ('response' in outcome && isSuccess(outcome.response)) return succeeded(sending, outcome);
		const failed = failedAttempt(sending, outcome);
		const verdict = decideRetry(sending, failed);
		if (verdict.retryIn === undefined) throw await giveUp(sending, failed, verdict);
		await waitBeforeRetry(sending, verdict.retryIn);
	}
}

/** The request as it is sent every time (JSON, the full response, statuses handled here), with its account. */
async function prepare(
	ctx: RequestContext,
	policy: RequestPolicy,
	options: IHttpRequestOptions,
	itemIndex: number | undefined,
): Promise<Sending> {
	const settings: RetrySettings = { ...DEFAULT_RETRY, ...policy.retry };
	const method = String(options.method ?? 'GET').toUpperCase();
	return {
		ctx,
		policy,
		settings,
		node: ctx.getNode(),
		itemIndex,
		method,
		request: {
			json: true,
			...options,
			method: method as IHttpRequestMethods,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		},
		signal: cancelSignal(ctx),
		breaker: settings.breakerAfter > 0 ? breakerOf(ctx) : undefined,
		gateKey: await gateKey(ctx, policy),
		authentication: await decrypted(ctx, policy.credentialType),
		attempt: 0,
		rateLimited: 0,
		waited: 0,
	};
}

/** One attempt through the account's gate. Stopped or refused by the breaker there, it is not sent. */
async function attempt(sending: Sending): Promise<Outcome> {
	const { policy } = sending;
	const outcome = await throughGate(
		sending.gateKey,
		() => new RequestGate(policy.maxInFlight, policy.maxPerSecond ?? 0),
		async () => {
			refuseIfStoppedOrOpen(sending);
			return await send(sending);
		},
	);
	if (sending.signal?.aborted) throw stopped(sending, 'during');
	return outcome;
}

/** Before each attempt, inside the gate: a stopped execution or an open breaker sends nothing. */
function refuseIfStoppedOrOpen(sending: Sending): void {
	const again = sending.attempt > 1;
	if (sending.signal?.aborted) throw stopped(sending, again ? 'retry' : 'before');
	if (sending.breaker?.open) throw notSent(sending, { again });
}

/** Sends once, within what is left of the item's deadline; a failure is returned, not thrown. */
async function send(sending: Sending): Promise<Outcome> {
	const { ctx, policy, settings, request, signal } = sending;
	const now = settings.now ?? Date.now;
	sending.deadline ??= now() + settings.deadlineMs;
	const timeout = Math.max(
		1,
		Math.min(Number(request.timeout) || N8N_TIMEOUT_MS, sending.deadline - now()),
	);
	const options: IHttpRequestOptions = {
		...request,
		headers: { ...(request.headers ?? {}) },
		timeout,
		...(signal ? { abortSignal: signal } : {}),
	};
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			policy.credentialType,
			options,
			sending.authentication,
		)) as IN8nHttpFullResponse;
		return { response };
	} catch (failure) {
		return { failure };
	}
}

function isSuccess(response: IN8nHttpFullResponse): boolean {
	return response.statusCode >= 200 && response.statusCode < 300;
}

function succeeded(
	sending: Sending,
	outcome: { response: IN8nHttpFullResponse },
): IN8nHttpFullResponse {
	if (sending.breaker) sending.breaker.failedInARow = 0;
	return outcome.response;
}

/** A failed attempt, told by its status or its network code. A failure that is neither is thrown as it is. */
function failedAttempt(sending: Sending, outcome: Outcome): Failed {
	if ('response' in outcome) {
		const { response } = outcome;
		return { status: response.statusCode ?? 0, response, code: '', detail: '' };
	}
	const code = networkCode(outcome.failure);
	if (code === undefined) {
		if (sending.breaker) sending.breaker.failedInARow = 0; // not an outage
		// n8n's SSRF protection refused the address: say which setting allows it. Any other error (e.g. a
		// validation error raised while signing) is kept as it is.
		const { node, policy, itemIndex } = sending;
		throw (
			ssrfError(node, policy, outcome.failure, { host: hostOf(sending, ''), itemIndex }) ??
			outcome.failure
		);
	}
	const { failure } = outcome;
	return { status: 0, code, detail: failure instanceof Error ? failure.message : String(failure) };
}

/**
 * Whether to try again, and after how long: a failure worth retrying for this method, attempts left (429s counted
 * apart), a wait within the longest single wait and the total wait budget, and time left before the deadline.
 */
function decideRetry(sending: Sending, failed: Failed): Verdict {
	const { settings } = sending;
	if (failed.status === 429) sending.rateLimited++;
	const left = (sending.deadline ?? Infinity) - (settings.now ?? Date.now)();
	if (left <= 0) return { outOfTime: true };
	if (!worthAnotherAttempt(sending, failed)) return { outOfTime: false };
	const asked = failed.response
		? retryAfterMs(failed.response.headers?.['retry-after'])
		: undefined;
	const delay = asked ?? backoffMs(sending.attempt, settings);
	const withinBudget =
		delay <= settings.maxDelayMs && sending.waited + delay <= settings.maxTotalWaitMs;
	if (!withinBudget) return { outOfTime: false };
	if (delay >= left) return { outOfTime: true };
	return { retryIn: delay, outOfTime: false };
}

function worthAnotherAttempt(sending: Sending, failed: Failed): boolean {
	const { settings, method } = sending;
	const retryable = failed.response
		? retryableStatus(failed.status, method)
		: retryableNetworkError(failed.code, method);
	if (!retryable) return false;
	return failed.status === 429
		? sending.rateLimited <= settings.maxRateLimited
		: sending.attempt - sending.rateLimited < settings.maxAttempts;
}

async function waitBeforeRetry(sending: Sending, ms: number): Promise<void> {
	sending.waited += ms;
	const wait = sending.settings.wait ?? sleep;
	if (!(await waitUnlessStopped(wait, ms, sending.signal))) throw stopped(sending, 'retry');
}

/** The error that ends the item's request: the vendor's words or the network failure, a fix, no secret. */
async function giveUp(sending: Sending, failed: Failed, verdict: Verdict): Promise<NodeApiError> {
	const { ctx, node, policy, itemIndex, attempt: attempts } = sending;
	const secrets = await secretsOf(ctx, policy);
	const deadlineMs = verdict.outOfTime ? sending.settings.deadlineMs : undefined;
	const error = failed.response
		? apiError(
				node,
				policy,
				{ status: failed.status, body: failed.response.body, attempts, itemIndex, deadlineMs },
				secrets,
			)
		: networkError(
				node,
				policy,
				{
					code: failed.code,
					detail: failed.detail,
					attempts,
					itemIndex,
					sent: mayBeStoredNotResent(failed.code, sending.method),
					deadlineMs,
					host: hostOf(sending, failed.detail),
				},
				secrets,
			);
	// The breaker is updated after the error is built (no await in between): an item it stops sees the cause.
	countFailure(sending, failed, error);
	return error;
}

/**
 * Whether the request may have been stored and was not sent again for that reason: the connection broke after it
 * went out, on a method that is not safe to repeat. An idempotent request that used its attempts was sent again.
 */
function mayBeStoredNotResent(code: string, method: string): boolean {
	return AMBIGUOUS.has(code) && !IDEMPOTENT.has(method);
}

/** An item failed for good: an outage counts towards the breaker, any answer below 500 shows the vendor is up. */
function countFailure(sending: Sending, failed: Failed, error: NodeApiError): void {
	const { breaker, settings } = sending;
	if (!breaker) return;
	const outage = failed.response ? failed.status >= 500 : failed.code !== '';
	breaker.failedInARow = outage ? breaker.failedInARow + 1 : 0;
	if (!breaker.open && breaker.failedInARow >= settings.breakerAfter) {
		breaker.open = true;
		breaker.cause = [error.message, error.description].filter(Boolean).join('. ');
	}
}

const STOPPED = {
	before: [
		'The execution was stopped before this item was sent',
		'Nothing was sent for this item: run it again when you are ready.',
	],
	retry: [
		'The execution was stopped while this item waited to be retried',
		'Its last attempt failed and it was not sent again: run it again when you are ready.',
	],
	during: [
		'The execution was stopped while this item was being sent',
		'The request was under way: check in the vendor whether it was stored before running this item again.',
	],
} as const;

function stopped(sending: Sending, when: keyof typeof STOPPED): NodeOperationError {
	const [message, description] = STOPPED[when];
	return new NodeOperationError(sending.node, message, {
		itemIndex: sending.itemIndex,
		description,
	});
}

/** The error of an item the open breaker kept back: `again` when an earlier attempt of it had been sent. */
function notSent(sending: Sending, { again }: { again: boolean }): NodeOperationError {
	const { policy, breaker } = sending;
	const { vendor } = policy;
	const after = sending.settings.breakerAfter;
	const cause = breaker?.cause ? ` The item that stopped it: ${breaker.cause}` : '';
	return new NodeOperationError(
		sending.node,
		`${again ? 'Not sent again' : 'Not sent'}: ${vendor} failed for ${after} items in a row (server errors or no connection)`,
		{
			itemIndex: sending.itemIndex,
			description: `This item was ${again ? 'not sent again' : 'not sent'}, so running it again cannot create a duplicate. After ${after} items in a row failed even after their retries, this run stopped sending to ${vendor}: check whether ${vendor} is up, then run the items that were not sent again.${cause}`,
		},
	);
}
