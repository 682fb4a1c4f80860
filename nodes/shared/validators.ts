import type { IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { valueAt } from './paginators';

/** Where a bad value came from, so the error can name the field the user has to fix. */
export interface ValueSource {
	node: INode;
	/** The parameter's display name or its name, e.g. "Customer ID". */
	parameter: string;
	itemIndex?: number;
}

function refuse(source: ValueSource, message: string, description: string): never {
	throw new NodeOperationError(source.node, message, {
		itemIndex: source.itemIndex,
		description,
	});
}

function asText(value: unknown): string {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string') return value.trim();
	return '';
}

/** The value as trimmed text; an empty one is refused, naming the parameter. */
function nonEmpty(value: unknown, source: ValueSource): string {
	const text = asText(value);
	if (text === '') {
		refuse(
			source,
			`"${source.parameter}" is empty`,
			`Enter the ${source.parameter}, or map it from an earlier node with an expression.`,
		);
	}
	return text;
}

/**
 * An id that becomes one path segment. It must be non-empty and is percent-encoded, so `../x` or `a/b?c`
 * stays inside its own segment and can never reach another endpoint.
 */
export function pathSegment(value: unknown, source: ValueSource): string {
	const text = nonEmpty(value, source);
	if (text === '.' || text === '..') {
		refuse(
			source,
			`"${source.parameter}" is not a valid ID: "${text}"`,
			'An ID cannot be "." or "..".',
		);
	}
	return encodeURIComponent(text);
}

/** Characters no vendor ID contains: a value with one of them is a URL, a path or a query mapped by mistake. */
const NOT_IN_AN_ID = /[/?#%\\\s]/;

/** A tab, line break or other control character (U+0000–U+001F), which no vendor ID contains either. */
const isControlCharacter = (character: string) => character.charCodeAt(0) < 0x20;

/**
 * An opaque vendor ID (ChartMogul's `con_…`, TicketSource's `cst-…`) that becomes one path segment: as
 * `pathSegment`, and refused when it contains `/ ? # % \` or spaces, which no ID does.
 */
export function idSegment(value: unknown, source: ValueSource): string {
	const segment = pathSegment(value, source);
	const text = asText(value);
	const bad = [...text].find(
		(character) => isControlCharacter(character) || NOT_IN_AN_ID.test(character),
	);
	if (bad) {
		const shown = isControlCharacter(bad)
			? 'a control character (tab, line break…)'
			: /\s/.test(bad)
				? 'a space'
				: `"${bad}"`;
		refuse(
			source,
			`"${source.parameter}" is not a valid ID: it contains ${shown}`,
			`Got "${text.slice(0, 60)}". An ID never contains / ? # % \\ or spaces: map the ID alone, not a URL, a path or a query.`,
		);
	}
	return segment;
}

/** A whole number written with digits only (e.g. jtel's ClientsID, Ticketmatic's numeric ids). */
export function digits(value: unknown, source: ValueSource): string {
	const text = nonEmpty(value, source);
	if (!/^[0-9]+$/.test(text)) {
		refuse(
			source,
			`"${source.parameter}" must be a number made of digits only`,
			`Got "${text.slice(0, 60)}". Use digits 0–9, with no spaces, slashes or signs.`,
		);
	}
	return text;
}

/** One DNS label (RFC 1123): letters, digits and hyphens, 1–63 characters, no dots or other characters. */
export function hostLabel(value: unknown, source: ValueSource): string {
	const text = asText(value);
	if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(text)) {
		refuse(
			source,
			`"${source.parameter}" is not a valid host name part`,
			`Got "${text.slice(0, 60)}". It may only contain letters, digits and hyphens (no dots, slashes, "@", "#" or spaces), because it becomes part of the server's host name.`,
		);
	}
	return text.toLowerCase();
}

/**
 * A server base URL: http or https, a host, an optional port and path; no user:password, query or fragment.
 * Returns it without a trailing slash.
 */
export function httpBaseUrl(value: unknown, source: ValueSource): string {
	const text = asText(value);
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	// "acd.example.com" or "acd.example.com:8443" (which URL would read as the scheme "acd.example.com") lack https://.
	const noScheme = /^[^\s/:]+(:[0-9]+)?(\/\S*)?$/.test(text);
	const problem = noScheme
		? `it has no scheme: add https:// in front (https://${text})`
		: !url
			? 'it is not a URL'
			: url.protocol !== 'http:' && url.protocol !== 'https:'
				? `the scheme "${url.protocol.replace(':', '')}" is not http or https`
				: !url.hostname
					? 'it has no host'
					: url.username || url.password
						? 'it contains a user name or password'
						: url.search || text.includes('?')
							? 'it contains a query ("?…")'
							: url.hash || text.includes('#')
								? 'it contains a fragment ("#…")'
								: undefined;
	if (problem || !url) {
		refuse(
			source,
			`"${source.parameter}" is not a valid server URL: ${problem}`,
			'Use the address of the server only, for example https://acd.example.com or https://acd.example.com:8443/jtel.',
		);
	}
	return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** A plain e-mail address (something@domain.tld), as vendors that require one check it. */
export function emailAddress(value: unknown, source: ValueSource): string {
	const text = asText(value);
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
		refuse(
			source,
			`"${source.parameter}" is not a valid e-mail address`,
			`Got "${text.slice(0, 60)}". Use an address like name@example.com.`,
		);
	}
	return text;
}

/**
 * Stands in for a node in errors raised while a credential is applied: `authenticate` has no node, and the
 * validators need one. n8n wraps such an error in a NodeApiError of the node that sent the request (or of the
 * credential test), so the user still sees the message naming the credential field.
 */
export function credentialNode(credentialType: string, displayName: string): INode {
	return {
		id: credentialType,
		name: displayName,
		type: credentialType,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

/** The ids in a parameter: a list (picker), a number, or text with commas (an expression, a typed list). */
export function idList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : [value];
	return list
		.flatMap((entry) => (typeof entry === 'string' ? entry.split(',') : [entry]))
		.map((entry) =>
			typeof entry === 'number' ? String(entry) : typeof entry === 'string' ? entry.trim() : '',
		)
		.filter((entry) => entry !== '');
}

/**
 * A check of an item's parameters, run before its request; throws a NodeOperationError naming the parameter.
 * `request` is the item's request as n8n routed it (its body holds the routed values).
 */
export type Check = (ctx: IExecuteSingleFunctions, request?: IHttpRequestOptions) => void;

/**
 * Check: the parameter holds a valid e-mail address (skipped when empty and optional). With `sentAs`, the path in
 * the routed body where the field's routing put it, the value is read from there: every read of a mapped
 * parameter is another evaluation of its expression in n8n.
 */
export function checkEmail(
	name: string,
	{ optional = false, sentAs }: { optional?: boolean; sentAs?: string } = {},
): Check {
	return (ctx, request) => {
		const routed = sentAs === undefined ? undefined : valueAt(request?.body, sentAs);
		const value = (routed ?? ctx.getNodeParameter(name, '')) as string;
		if (optional && (value === '' || value === undefined)) return;
		emailAddress(value, {
			node: ctx.getNode(),
			parameter: parameterLabel(name.split('.').pop()!),
			itemIndex: ctx.getItemIndex(),
		});
	};
}

/** Check: the parameter holds at least one id (exactly one if `single`), each made of digits (integer ids). */
export function checkIdList(
	name: string,
	label: string,
	{ single = false }: { single?: boolean } = {},
): Check {
	return (ctx) => {
		const source = { node: ctx.getNode(), parameter: label, itemIndex: ctx.getItemIndex() };
		const raw = ctx.getNodeParameter(name, [], { extractValue: true });
		const ids = idList(raw);
		if (ids.length === 0 || (single && ids.length > 1))
			digits(Array.isArray(raw) ? raw.join(',') : raw, source);
		for (const id of ids) digits(id, source);
	};
}

/**
 * How a `{parameter}` in a routed URL is checked before it is sent: `digits` (integer IDs), `id` (an opaque
 * ID: no `/ ? # % \` or spaces), `name` (anything, percent-encoded), `email`.
 */
type PathValue = 'digits' | 'id' | 'name' | 'email';

/** A vendor's checks per placeholder name, with a default (`id` when a vendor sets none). */
export type PathValues = { default: PathValue } & Record<string, PathValue>;

/** Each check returns the value as one percent-encoded path segment. */
const PATH_CHECKS: Record<PathValue, (value: unknown, source: ValueSource) => string> = {
	digits,
	id: idSegment,
	name: pathSegment,
	email: (value, source) => encodeURIComponent(emailAddress(value, source)),
};

/**
 * Fills `{parameterName}` placeholders of a routed URL with the item's parameter values, each checked as
 * `pathValues` say (an opaque ID by default) and percent-encoded as one path segment.
 */
export function resolvePath(
	ctx: IExecuteSingleFunctions,
	url: string,
	pathValues?: PathValues,
): string {
	return url.replace(/\{([A-Za-z0-9_]+)\}/g, (_match, name: string) => {
		const kind = pathValues?.[name] ?? pathValues?.default ?? 'id';
		const source = {
			node: ctx.getNode(),
			parameter: parameterLabel(name),
			itemIndex: ctx.getItemIndex(),
		};
		return PATH_CHECKS[kind](ctx.getNodeParameter(name, '', { extractValue: true }), source);
	});
}

/** "customerId" → "Customer ID": the name a user sees, for error messages. */
function parameterLabel(name: string): string {
	const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
	return words
		.map((word, index) => {
			if (/^(id|uuid|url|ip)$/i.test(word)) return word.toUpperCase();
			return index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
		})
		.join(' ');
}
