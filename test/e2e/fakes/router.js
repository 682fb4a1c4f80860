'use strict';
/**
 * The small toolkit every fake vendor is written with: a router by method and path pattern, JSON replies,
 * strict JSON body parsing, and a request log the assertions can read. Node built-ins only.
 */

class HttpError extends Error {
	constructor(status, body, headers = {}) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

const json = (status, body, headers = {}) => ({ status, body, headers });
const empty = (status = 204) => ({ status, body: undefined, headers: {} });

/** Compiles `/customers/:id/notes` into a matcher that returns `{ id }` or null. */
function compile(pattern) {
	const names = [];
	const source = pattern.replace(/:([A-Za-z]+)/g, (_, name) => {
		names.push(name);
		return '([^/]+)';
	});
	const regex = new RegExp(`^${source}/?$`);
	return (pathname) => {
		const match = regex.exec(pathname);
		if (!match) return null;
		return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
	};
}

/**
 * A fake vendor: `authorize(req)` throws an HttpError when the request's credentials are wrong; routes are
 * `[method, pattern, handler(ctx)]`, `ctx = { params, query, body, headers, url }`. A body that is sent is parsed
 * as JSON and a broken one is a 400, as on every real API here. `requests`: the log to append to (several fakes
 * behind one host can share one).
 */
function createFake({
	name,
	authorize,
	routes,
	baseUrl,
	notFound = (msg) => ({ message: msg }),
	requests = [],
}) {
	const compiled = routes.map(([method, pattern, handler]) => ({
		method,
		match: compile(pattern),
		handler,
		pattern,
	}));

	async function handle(req, rawBody) {
		const url = new URL(req.url, baseUrl);
		const entry = {
			method: req.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
		};
		requests.push(entry);
		try {
			authorize(req, url);
			let body;
			if (rawBody.length) {
				const type = String(req.headers['content-type'] || '');
				if (!type.includes('application/json'))
					throw new HttpError(415, {
						message: `Content-Type must be application/json, got "${type}"`,
					});
				try {
					body = JSON.parse(rawBody.toString('utf8'));
				} catch {
					throw new HttpError(400, { message: 'Malformed JSON body' });
				}
			}
			entry.body = body;
			const candidates = compiled.filter((r) => r.match(url.pathname));
			if (!candidates.length) throw new HttpError(404, notFound(`No route ${url.pathname}`));
			const route = candidates.find((r) => r.method === req.method);
			if (!route)
				throw new HttpError(405, { message: `${req.method} not allowed on ${url.pathname}` });
			const ctx = {
				params: route.match(url.pathname),
				query: url.searchParams,
				body,
				headers: req.headers,
				url,
			};
			const reply = await route.handler(ctx);
			entry.status = reply.status;
			return reply;
		} catch (error) {
			if (!(error instanceof HttpError)) throw error;
			entry.status = error.status;
			return { status: error.status, body: error.body, headers: error.headers };
		}
	}

	return { name, handle, requests, baseUrl };
}

/** Reads `Authorization: Bearer <token>` or Basic `<user>:<password>`. */
function readAuthorization(req) {
	const header = String(req.headers.authorization || '');
	const bearer = /^Bearer\s+(.+)$/i.exec(header);
	if (bearer) return { scheme: 'bearer', token: bearer[1].trim() };
	const basic = /^Basic\s+(.+)$/i.exec(header);
	if (basic) {
		const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		return { scheme: 'basic', user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
	}
	return { scheme: header ? header.split(/\s+/)[0].toLowerCase() : 'none', raw: header };
}

module.exports = { HttpError, json, empty, createFake, readAuthorization };
