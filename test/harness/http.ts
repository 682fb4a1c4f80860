/** nock around a vendor host: every request is recorded (method, path, query, headers, body) for assertions. */
import nock from 'nock';

export interface SeenRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

export interface FakeApi {
	scope: nock.Scope;
	requests: SeenRequest[];
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string' || body === '') return body === '' ? undefined : body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** A nock scope for `baseUrl` that records every request it answers. Real network access is blocked. */
export function fakeApi(baseUrl: string): FakeApi {
	nock.disableNetConnect();
	const scope = nock(baseUrl);
	const requests: SeenRequest[] = [];
	scope.on(
		'request',
		(
			req: { method: string; path: string; headers: Record<string, string> },
			_interceptor: unknown,
			body: unknown,
		) => {
			const url = new URL(req.path, baseUrl);
			requests.push({
				method: req.method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				body: parseBody(body),
			});
		},
	);
	return { scope, requests };
}

export function resetHttp(): void {
	nock.cleanAll();
	nock.enableNetConnect();
}

export { nock };
