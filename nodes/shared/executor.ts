import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';

import type { ErrorHints } from './errors';
import { CERTIFICATE_CODES, apiError, networkError } from './errors';
import { RequestGate, throughGate } from './limiter';

export interface RetrySettings {
	/** Attempts in all, the first included. */
	maxAttempts: number;
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
}

export const DEFAULT_RETRY: RetrySettings = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 90_000,
};

/** How one vendor's requests are sent: which credential, how many at once, and what to tell the user. */
export interface RequestPolicy extends ErrorHints {
	credentialType: string;
	/** Requests in flight for one vendor account (n8n would otherwise start every item's request at once). */
	maxInFlight: number;
	/** Optional pacing: most requests in any one second, for one vendor account in this n8n process. */
	maxPerSecond?: number;
	/** Credential fields whose values must never appear in an error, an output item or a log line. */
	secretFields: string[];
	retry?: Partial<RetrySettings>;
}

export type RequestContext = IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

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

function errorCode(error: unknown): string {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		// axios puts it in `code`; n8n's NodeApiError around it in `httpCode`.
		for (const key of ['code', 'httpCode']) {
			const code = (current as IDataObject)[key];
			if (typeof code === 'string' && (/^E[A-Z_]+$/.test(code) || CERTIFICATE_CODES.has(code))) return code;
		}
		current = (current as { cause?: unknown }).cause;
	}
	const message = error instanceof Error ? error.message : String(error);
	if (/socket hang up/i.test(message)) return 'ECONNRESET';
	if (/timeout/i.test(message)) return 'ETIMEDOUT';
	return '';
}

async function secretsOf(ctx: RequestContext, policy: RequestPolicy): Promise<string[]> {
	try {
		const credentials = await ctx.getCredentials(policy.credentialType);
		return policy.secretFields
			.map((field) => credentials[field])
			.filter((value): value is string => typeof value === 'string' && value !== '');
	} catch {
		return [];
	}
}

/**
 * The gate of a vendor account: a hash of the credential's values, so every node, run and execution using the
 * same account shares one window, while the key never holds a secret. (Vendors count their limits per
 * account, e.g. ChartMogul per API key: https://dev.chartmogul.com/docs/rate-limits.) Without readable
 * credentials, the credential's id stands in.
 */
async function gateKey(ctx: RequestContext, policy: RequestPolicy): Promise<string> {
	let material: string;
	try {
		const credentials = await ctx.getCredentials(policy.credentialType);
		material = JSON.stringify(Object.keys(credentials).sort().map((key) => [key, credentials[key]]));
	} catch {
		material = `id:${ctx.getNode().credentials?.[policy.credentialType]?.id ?? ''}`;
	}
	return `${policy.credentialType}:${createHash('sha256').update(material).digest('hex')}`;
}

/** The host a failed request went to: as the DNS error names it ("getaddrinfo ENOTFOUND host"), or from its URL. */
function hostOf(options: IHttpRequestOptions, detail: string): string | undefined {
	const named = /(?:ENOTFOUND|EAI_AGAIN)\s+([A-Za-z0-9.-]+)/.exec(detail)?.[1];
	if (named) return named;
	try {
		return new URL(String(options.url ?? ''), options.baseURL).host || undefined;
	} catch {
		return undefined;
	}
}

/**
 * Sends one request with the vendor's credential. Every request of every operation goes through here:
 * it bounds the requests in flight for the node run, retries what is safe to retry, and turns failures
 * into errors that carry the vendor's message, a fix, and no secret.
 */
export async function executeRequest(
	ctx: RequestContext,
	policy: RequestPolicy,
	options: IHttpRequestOptions,
	itemIndex?: number,
): Promise<IN8nHttpFullResponse> {
	const settings: RetrySettings = { ...DEFAULT_RETRY, ...policy.retry };
	const wait = settings.wait ?? sleep;
	const method = ((options.method ?? 'GET') as IHttpRequestMethods).toUpperCase();
	const node = ctx.getNode();
	const request: IHttpRequestOptions = {
		json: true,
		...options,
		method: method as IHttpRequestMethods,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};

	const key = await gateKey(ctx, policy);
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse | undefined;
		let failure: unknown;
		try {
			response = (await throughGate(
				key,
				() => new RequestGate(policy.maxInFlight, policy.maxPerSecond ?? 0),
				async () =>
					(await ctx.helpers.httpRequestWithAuthentication.call(
						ctx,
						policy.credentialType,
						{ ...request, headers: { ...(request.headers ?? {}) } },
					)) as IN8nHttpFullResponse,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			failure = error;
		}

		const status = response?.statusCode ?? 0;
		if (response && status >= 200 && status < 300) return response;

		const code = response ? '' : errorCode(failure);
		const retry = response ? retryableStatus(status, method) : retryableNetworkError(code, method);
		let delay = 0;
		if (retry && attempt < settings.maxAttempts) {
			const asked = response ? retryAfterMs(response.headers?.['retry-after']) : undefined;
			delay = asked ?? backoffMs(attempt, settings);
			if (delay <= settings.maxDelayMs && waited + delay <= settings.maxTotalWaitMs) {
				waited += delay;
				await wait(delay);
				continue;
			}
		}

		const secrets = await secretsOf(ctx, policy);
		if (response) {
			throw apiError(node, policy, { status, body: response.body, attempts: attempt, itemIndex }, secrets);
		}
		if (!code && failure instanceof Error && !/ECONN|socket|timeout|network/i.test(failure.message)) {
			throw failure; // not a network failure (e.g. a validation error raised while signing): keep it as it is
		}
		throw networkError(
			node,
			policy,
			{
				code,
				detail: failure instanceof Error ? failure.message : String(failure),
				attempts: attempt,
				itemIndex,
				sent: AMBIGUOUS.has(code),
				host: hostOf(request, failure instanceof Error ? failure.message : String(failure)),
			},
			secrets,
		);
	}
}
