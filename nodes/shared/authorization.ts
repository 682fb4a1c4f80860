import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * A credential's `authenticate` in code: the request with its Authorization header set. Code, not a generic
 * `{{$credentials…}}` expression, which n8n would evaluate on every request.
 */
export function withAuthorization(
	requestOptions: IHttpRequestOptions,
	authorization: string,
): IHttpRequestOptions {
	return {
		...requestOptions,
		headers: { ...(requestOptions.headers ?? {}), Authorization: authorization },
	};
}

/** `Bearer <token>`. */
export function bearer(token: unknown): string {
	return `Bearer ${String(token ?? '')}`;
}

/**
 * The one way a request reaches its vendor: each credential's `authenticate` puts its vendor's base URL
 * (`nodes/<Vendor>/baseUrl.ts`, `baseUrlOf`) on a request that has none, so the node's operations, its pickers, its
 * custom operations, its trigger and n8n's credential test all send a path only. A request that names its own base
 * (Quentn's campaign API) or a full address (`uri`, as n8n's HTTP Request node sends it) keeps it.
 */
export function withBaseUrl(
	requestOptions: IHttpRequestOptions,
	baseURL: string,
): IHttpRequestOptions {
	if (requestOptions.baseURL || (requestOptions as { uri?: string }).uri !== undefined) {
		return requestOptions;
	}
	return { ...requestOptions, baseURL };
}
