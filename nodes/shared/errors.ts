import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What a vendor tells its users to do when a request fails; used in error descriptions. */
export interface ErrorHints {
	/** Vendor display name, e.g. "TicketSource". */
	vendor: string;
	/** How to fix a 401/403, e.g. where the API key is found. */
	credentials: string;
	/** How to fix a refused TLS certificate, when the credential has a way (e.g. jtel's on-premises servers). */
	certificate?: string;
	/**
	 * Which credential field makes the server's address, for a host name that does not resolve or a refused
	 * connection (e.g. jtel's "Server URL"). Vendors with a fixed address leave it out.
	 */
	address?: string;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	return undefined;
}

function fieldMessages(errors: unknown): string[] {
	if (!errors || typeof errors !== 'object') return [];
	if (Array.isArray(errors)) {
		return errors.flatMap((entry) => {
			if (typeof entry === 'string') return [entry];
			if (entry && typeof entry === 'object') {
				const record = entry as IDataObject;
				const detail = text(record.detail) ?? text(record.message) ?? text(record.title);
				const pointer = (record.source as IDataObject | undefined)?.pointer;
				return detail
					? [typeof pointer === 'string' ? `${pointer.split('/').pop()}: ${detail}` : detail]
					: [];
			}
			return [];
		});
	}
	return Object.entries(errors as IDataObject).flatMap(([field, messages]) => {
		const list = Array.isArray(messages) ? messages : [messages];
		return list.filter((m) => typeof m === 'string').map((m) => `${field}: ${m as string}`);
	});
}

/**
 * The vendor's own words from an error body, whatever its shape:
 * `{ message }`, `{ error: "…" }`, `{ error: { message } }`, `{ status, error }` (jtel),
 * `{ code, message, param }` (ChartMogul), `{ errors: [{ title, detail }] }` (JSON:API),
 * `{ errors: { field: [...] } }` and `{ field: [...], error_details: [...] }`.
 */
export function vendorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
			try {
				return vendorMessage(JSON.parse(trimmed));
			} catch {
				// not JSON: fall through to the raw text
			}
		}
		return trimmed && trimmed.length <= 500 && !trimmed.startsWith('<') ? trimmed : undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as IDataObject;
	const nested =
		record.error && typeof record.error === 'object' ? (record.error as IDataObject) : undefined;
	const fields = [...fieldMessages(record.errors), ...fieldMessages(record.error_details)];
	const direct =
		text(record.message) ??
		text(nested?.message) ??
		(typeof record.error === 'string' && record.error !== 'true'
			? text(record.error)
			: undefined) ??
		text(record.detail) ??
		text(record.title);
	if (direct && fields.length) return `${direct} (${fields.join('; ')})`;
	if (direct) return direct;
	if (fields.length) return fields.join('; ');
	// `{ email: ["is invalid"] }`: field names as keys
	const loose = Object.entries(record)
		.filter(([, v]) => Array.isArray(v) && v.every((m) => typeof m === 'string'))
		.flatMap(([field, v]) => (v as string[]).map((m) => `${field}: ${m}`));
	return loose.length ? loose.join('; ') : undefined;
}

/** Replace every secret (API keys, tokens, secret keys) that appears in a text. */
export function redact(value: string, secrets: readonly string[]): string {
	let out = value;
	for (const secret of secrets) {
		if (secret.length >= 4) out = out.split(secret).join('[redacted]');
	}
	return out.replace(
		/(authorization|bearer|basic)([\s:="]+)[A-Za-z0-9+/=._~-]{8,}/gi,
		'$1$2[redacted]',
	);
}

/** How to fix a failed request, by HTTP status. */
export function fixHint(status: number, hints: ErrorHints, message: string | undefined): string {
	if (status === 401 || status === 403) {
		return `${hints.vendor} refused the credentials (HTTP ${status}). ${hints.credentials}`;
	}
	if (status === 404) {
		return `${hints.vendor} has no record at this address (HTTP 404): check that the id exists in this ${hints.vendor} account and was not deleted.`;
	}
	if (status === 400 || status === 409 || status === 422) {
		return message
			? `${hints.vendor} rejected the data (HTTP ${status}). Check the field named in the message above.`
			: `${hints.vendor} rejected the data (HTTP ${status}). Check the required fields and their formats.`;
	}
	if (status === 429) {
		return `${hints.vendor} is rate-limiting requests (HTTP 429). Run fewer items at once or try again later.`;
	}
	if (status >= 500) {
		return `${hints.vendor} had a server error (HTTP ${status}). Try again later; if it persists, contact ${hints.vendor} support.`;
	}
	return `${hints.vendor} answered HTTP ${status}.`;
}

export interface HttpFailure {
	status: number;
	body: unknown;
	/** How many attempts were made, when the executor retried. */
	attempts?: number;
	itemIndex?: number;
	/** Set when the retries stopped at the item's deadline (milliseconds). */
	deadlineMs?: number;
}

/** " (gave up after 3 attempts)", and the deadline when that is what ended the retries. */
function triedNote(attempts: number | undefined, deadlineMs: number | undefined): string {
	const limit =
		deadlineMs === undefined
			? ''
			: `the ${Math.round(deadlineMs / 1000)} s allowed for one item are used up`;
	if (attempts && attempts > 1)
		return ` (gave up after ${attempts} attempts${limit ? `: ${limit}` : ''})`;
	return limit ? ` (${limit})` : '';
}

/** A `NodeApiError` whose message is the vendor's own and whose description says how to fix it. */
export function apiError(
	node: INode,
	hints: ErrorHints,
	failure: HttpFailure,
	secrets: readonly string[],
): NodeApiError {
	const said = vendorMessage(failure.body);
	const base = said
		? `${hints.vendor}: ${said}`
		: `${hints.vendor} answered HTTP ${failure.status}`;
	const tried = triedNote(failure.attempts, failure.deadlineMs);
	const message = redact(base + tried, secrets);
	const description = redact(fixHint(failure.status, hints, said), secrets);
	// Only the status and the vendor's message travel with the error: never the request or its headers.
	const details: JsonObject = { httpCode: String(failure.status), message };
	return new NodeApiError(node, details, {
		message,
		description,
		httpCode: String(failure.status),
		itemIndex: failure.itemIndex,
	});
}

const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ETIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request timed out',
	ESOCKETTIMEDOUT: 'the request timed out',
	EPIPE: 'the connection broke',
	ECONNREFUSED: 'nothing answers at this address (connection refused)',
	ENOTFOUND: 'the host name does not exist',
	EAI_AGAIN: 'the host name could not be resolved',
};

/** Node's codes for a server certificate that was not accepted (nothing was sent: the handshake failed). */
export const CERTIFICATE_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_UNTRUSTED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A network failure (no HTTP answer), with the same guarantees. */
export function networkError(
	node: INode,
	hints: ErrorHints,
	failure: {
		code: string;
		detail: string;
		attempts: number;
		itemIndex?: number;
		sent: boolean;
		host?: string;
		deadlineMs?: number;
	},
	secrets: readonly string[],
): NodeApiError {
	const tried = triedNote(failure.attempts, failure.deadlineMs);
	// The raw code (ECONNRESET…) stays out of the message: n8n would swap the whole message for a generic one.
	const certificate = CERTIFICATE_CODES.has(failure.code);
	const address = failure.code === 'ENOTFOUND' || failure.code === 'ECONNREFUSED';
	const at = failure.host ? ` ${failure.host}` : '';
	const what = certificate
		? `the server's TLS certificate was not accepted (${failure.detail})`
		: (NETWORK_WORDS[failure.code] ?? 'the network request failed');
	const message = redact(
		`Could not reach ${hints.vendor}${address ? at : ''}${tried}: ${what}`,
		secrets,
	);
	let fix: string;
	if (certificate) {
		fix =
			hints.certificate ??
			`Check the address in the ${hints.vendor} credential: the server's certificate does not match it or is not trusted.`;
	} else if (address) {
		const where =
			hints.address ??
			`Check that the n8n server can reach${at || ` ${hints.vendor}`} (its DNS, firewall and proxy settings).`;
		fix = `Not retried, because retrying cannot fix an address. ${where}`;
	} else if (failure.sent) {
		fix = `The connection failed after the request was sent, so ${hints.vendor} may have stored it. It was not sent again to avoid a duplicate: check in ${hints.vendor} before running this item again.`;
	} else {
		fix = `Check the network connection and that ${hints.vendor} is reachable, then try again.`;
	}
	const description = redact(`${fix} (${failure.code || failure.detail})`, secrets);
	const error = new NodeApiError(node, { message } as JsonObject, {
		message,
		description,
		itemIndex: failure.itemIndex,
	});
	if (failure.sent) error.context[ANSWER_LOST] = true;
	return error;
}

const ANSWER_LOST = 'answerLost';

/**
 * Whether a request failed after it may have reached the vendor, with no answer from the vendor: the connection broke
 * or timed out after sending (marked by networkError), or a gateway answered in the vendor's place (HTTP 502/504,
 * RFC 9110 §15.6.3 and §15.6.5: the server behind it was reached and did not answer in time or in a usable way).
 */
export function answerLost(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	return error.context?.[ANSWER_LOST] === true || ['502', '504'].includes(String(error.httpCode));
}

/**
 * n8n's SSRF protection (`N8N_SSRF_PROTECTION_ENABLED=true`) refused the address: `SsrfBlockedIpError` or
 * `SsrfBlockedHostnameError` (n8n packages/@n8n/backend-network/src/ssrf/*.error.ts; they carry no code, so by name),
 * anywhere in the cause chain (n8n-core wraps them in a NodeApiError). Undefined for any other error.
 */
export function ssrfRefusal(error: unknown): { ip?: string; hostname?: string } | undefined {
	const seen = new Set<unknown>();
	for (let current = error; current && typeof current === 'object' && !seen.has(current); ) {
		seen.add(current);
		const { name, ip, hostname, cause } = current as IDataObject & { cause?: unknown };
		if (typeof name === 'string' && /^Ssrf\w*Error$/.test(name))
			return {
				ip: typeof ip === 'string' ? ip : undefined,
				hostname: typeof hostname === 'string' ? hostname : undefined,
			};
		current = cause;
	}
	return undefined;
}

/**
 * The error for an address n8n's SSRF protection refused, naming the two settings that allow it; undefined when
 * `error` is not such a refusal. Final: only the n8n administrator's setting can change the answer.
 */
export function ssrfError(
	node: INode,
	hints: ErrorHints,
	error: unknown,
	request: { host?: string; itemIndex?: number },
): NodeApiError | undefined {
	const refusal = ssrfRefusal(error);
	if (!refusal) return undefined;
	let hostname = refusal.hostname;
	try {
		hostname ??= request.host
			? new URL(`http://${request.host}`).hostname.replace(/^\[|\]$/g, '')
			: undefined;
	} catch {
		// no usable host: the settings are named without a value
	}
	// A server addressed by its IP address is checked by address only: N8N_SSRF_ALLOWED_HOSTNAMES cannot allow it.
	const literal =
		hostname !== undefined && /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]*)$/i.test(hostname);
	const ip = refusal.ip ?? (literal ? hostname : undefined);
	const where = hostname && ip && ip !== hostname ? `${hostname} (${ip})` : (hostname ?? ip);
	const message = `n8n's SSRF protection blocked the request to ${hints.vendor}${where ? ` at ${where}` : ''}`;
	const byAddress = `N8N_SSRF_ALLOWED_IP_RANGES=${ip ? `${ip}/${ip.includes(':') ? 128 : 32}` : '<address>/32'}`;
	// n8n names the address only; the host name comes from the request (the executor reads it from the credential's
	// base URL when the credential adds it).
	const byName = `N8N_SSRF_ALLOWED_HOSTNAMES=${hostname ?? `<your ${hints.vendor} server's host name>`}`;
	const settings = literal
		? `set ${byAddress} (N8N_SSRF_ALLOWED_HOSTNAMES allows host names only, and this server is addressed by its IP address)`
		: `set ${byName} (by host name) or ${byAddress} (by address)`;
	const why = ip
		? 'This n8n runs with N8N_SSRF_PROTECTION_ENABLED=true, which blocks private, loopback and link-local addresses.'
		: 'This n8n runs with N8N_SSRF_PROTECTION_ENABLED=true and the host name is on N8N_SSRF_BLOCKED_HOSTNAMES.';
	const description = `${why} If this ${hints.vendor} server is one you trust, let n8n reach it: ${settings} on the n8n main instance and on every worker, then restart them. Not retried: only that setting changes the answer.`;
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description,
		itemIndex: request.itemIndex,
	});
}
