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
