'use strict';
/**
 * Wraps a fake vendor so it limits like ChartMogul does (developer docs, "Rate limits": 40 requests per second per
 * account, 429 with Retry-After beyond, and 20 parallel connections, 503 beyond): a request is answered 429 when
 * `perSecond` requests were already accepted in the last second, for ALL clients together, whichever n8n process
 * sent them, and 503 when more than `open` requests are open (0 = no such limit). `delay(req)`, if given, is
 * awaited first (the bench's WAN model), so requests stay open while their answer travels. Counts what it answered.
 */
function withRateLimit(
	fake,
	{ perSecond = 40, open = 0, delay, retryAfterSeconds = 1, now = Date.now } = {},
) {
	const stats = {
		accepted: 0,
		r429: 0,
		r503: 0,
		maxPerSecond: 0,
		inFlight: 0,
		maxInFlight: 0,
		firstArrival: undefined, // when the first request arrived (its connection opened), ms
		lastAnswer: undefined, // when the last answer was sent, ms
	};
	const recent = [];
	return Object.assign(Object.create(fake), {
		stats,
		requests: fake.requests,
		state: fake.state,
		async handle(req, body, host) {
			stats.firstArrival ??= now();
			stats.inFlight++;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
			try {
				if (delay) await delay(req);
				const t = now();
				while (recent.length && recent[0] <= t - 1000) recent.shift();
				if (open > 0 && stats.inFlight > open) {
					stats.r503++;
					return { status: 503, body: { code: 503, message: 'Too many parallel connections' } };
				}
				if (recent.length >= perSecond) {
					stats.r429++;
					return {
						status: 429,
						body: { code: 429, message: 'Too Many Requests' },
						headers: { 'retry-after': String(retryAfterSeconds) },
					};
				}
				recent.push(t);
				stats.accepted++;
				stats.maxPerSecond = Math.max(stats.maxPerSecond, recent.length);
				return await fake.handle(req, body, host);
			} finally {
				stats.inFlight--;
				stats.lastAnswer = now();
			}
		},
	});
}

module.exports = { withRateLimit };
