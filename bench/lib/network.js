'use strict';
/**
 * What the bench puts between n8n and a fake vendor: the WAN model (test/e2e/fakes/wan.js), a server time for bulk
 * requests, ChartMogul's rate limits, and the counters the table reads (requests in flight, first request → last answer).
 */
const path = require('node:path');

const E2E = path.join(__dirname, '..', '..', 'test', 'e2e');
const { wan } = require(path.join(E2E, 'fakes', 'wan'));
const { withRateLimit } = require(path.join(E2E, 'lib', 'rate-limit'));

/** The contacts a bulk request carries: Ticketmatic import (an array), Quentn `{ contacts }`, a batch `{ ids }`. */
function contactsIn(rawBody) {
	if (!rawBody?.length) return 0;
	try {
		const body = JSON.parse(rawBody.toString('utf8'));
		if (Array.isArray(body)) return body.length;
		return [body?.contacts, body?.ids].find(Array.isArray)?.length ?? 0;
	} catch {
		return 0;
	}
}

/**
 * Puts a fake behind the WAN model of `rttMs`, with `serverMsPer1000` of server time for every 1,000 contacts a
 * POST carries (a bulk import is work for the vendor; a list page is not counted). `stats`: requests in flight
 * (most at once), the WAN's requests and connections, when the first request arrived and the last answer left.
 */
function behindWan(fake, { rttMs, serverMsPer1000 = 0 }) {
	const network = wan(rttMs);
	const stats = {
		inFlight: 0,
		maxInFlight: 0,
		network: network.stats,
		firstArrival: undefined,
		lastAnswer: undefined,
	};
	return Object.assign(Object.create(fake), {
		stats,
		requests: fake.requests,
		state: fake.state,
		async handle(req, body, host) {
			stats.firstArrival ??= Date.now();
			stats.inFlight++;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
			try {
				await network.delay(req);
				const contacts = req.method === 'POST' ? contactsIn(body) : 0;
				if (contacts && serverMsPer1000)
					await new Promise((resolve) => setTimeout(resolve, (serverMsPer1000 * contacts) / 1000));
				return await fake.handle(req, body, host);
			} finally {
				stats.inFlight--;
				stats.lastAnswer = Date.now();
			}
		},
	});
}

/** ChartMogul's limits (429 above 40 requests/s, 503 above 20 open requests) behind the WAN model. */
function rateLimited(fake, { rttMs }) {
	const network = wan(rttMs);
	const limited = withRateLimit(fake, {
		perSecond: 40,
		open: 20,
		delay: (req) => network.delay(req),
	});
	limited.stats.network = network.stats;
	return limited;
}

/** From the first request's arrival at the fake to its last answer: the node's time without n8n's work before and after. */
const sendingMs = (stats) =>
	stats.firstArrival === undefined ? undefined : stats.lastAnswer - stats.firstArrival;

module.exports = { behindWan, rateLimited, sendingMs, contactsIn };
