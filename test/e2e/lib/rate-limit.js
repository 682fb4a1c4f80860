'use strict';
/**
 * Wraps a fake vendor so it limits like ChartMogul does (developer docs, "Rate limits": 40 requests per second per
 * account, 429 with Retry-After beyond): a request is answered 429 when `perSecond` requests were already accepted
 * in the last second, for ALL clients together, whichever n8n process sent them. Counts what it answered.
 */
function withRateLimit(fake, { perSecond = 40, retryAfterSeconds = 1, now = Date.now } = {}) {
	const stats = { accepted: 0, r429: 0, maxPerSecond: 0 };
	const recent = [];
	return Object.assign(Object.create(fake), {
		stats,
		requests: fake.requests,
		state: fake.state,
		async handle(req, body, host) {
			const t = now();
			while (recent.length && recent[0] <= t - 1000) recent.shift();
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
			return fake.handle(req, body, host);
		},
	});
}

module.exports = { withRateLimit };
