'use strict';
/**
 * TCP ports for the n8n processes that `npm start`, the e2e suite and the benchmark start, so that they never
 * collide with an n8n (or anything else) that already runs on this machine.
 */
const net = require('node:net');

/** Resolves true when nothing listens on host:port (we could bind it ourselves). */
function isFree(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, host, () => server.close(() => resolve(true)));
	});
}

/** A port the operating system reports as unused right now. */
function freePort(host = '127.0.0.1') {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, host, () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * `preferred` when it is free, else the next free port above it (up to `tries` ports), else any free port.
 * `skip`: ports already promised to another process that does not listen yet.
 */
async function firstFreePort(preferred, { host = '127.0.0.1', tries = 20, skip = [] } = {}) {
	for (let port = preferred; port < preferred + tries && port <= 65535; port++) {
		if (!skip.includes(port) && (await isFree(port, host))) return port;
	}
	return freePort(host);
}

module.exports = { isFree, freePort, firstFreePort };
