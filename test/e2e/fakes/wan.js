'use strict';
/**
 * A wide-area network in front of the fake vendors, for the bench: every fake sits on loopback, where a round
 * trip costs nothing, so the real cost of a request on the internet is added here, per connection:
 *
 *   - the first answer on a new connection waits 3 round trips: TCP's handshake (1), TLS 1.3's handshake (1,
 *     RFC 8446 §2: one round trip before application data) and the request itself (1);
 *   - every later answer on the same kept-alive connection waits 1 round trip.
 *
 * So a client that opens a new connection for every request (as n8n's request helper does) pays 3 RTT per
 * request, and one that keeps a connection alive pays 2 RTT once and then 1 RTT per request. Connections are
 * told apart by their socket. `stats` counts requests and the connections they came on.
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `wait` is injected by the fakes' own test; a timer otherwise. */
function wan(rttMs, wait = sleep) {
	const sockets = new WeakSet();
	const stats = { rttMs, requests: 0, connections: 0 };
	return {
		stats,
		/** Waits as long as the request's answer takes to arrive over the WAN. */
		async delay(req) {
			const socket = req.socket;
			const fresh = !socket || !sockets.has(socket);
			if (socket && fresh) sockets.add(socket);
			stats.requests++;
			if (fresh) stats.connections++;
			await wait((fresh ? 3 : 1) * rttMs);
		},
	};
}

module.exports = { wan };
