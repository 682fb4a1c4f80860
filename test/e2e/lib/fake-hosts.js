'use strict';
/**
 * One HTTPS server on a loopback address, port 443, answering for every fake vendor host, dispatching by the Host header.
 * Port 443 because the vendors' base URLs are fixed in the nodes (the suite runs as root, as CI does here).
 */
const https = require('node:https');

function hostMatches(pattern, host) {
	return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

async function startFakeHosts({
	tls,
	fakes,
	port = Number(process.env.CONTACT_SUITE_E2E_PORT || 443),
}) {
	const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const host = String(req.headers.host || '')
				.replace(/:\d+$/, '')
				.toLowerCase();
			const target = fakes.find((f) => f.hosts.some((p) => hostMatches(p, host)));
			let reply;
			try {
				reply = target
					? await target.fake.handle(req, Buffer.concat(chunks), host)
					: { status: 421, body: { message: `no fake for ${host}` } };
			} catch (error) {
				reply = { status: 500, body: { message: `fake crashed: ${error.stack}` } };
			}
			const headers = { ...reply.headers };
			let payload = '';
			if (reply.body !== undefined) {
				payload =
					typeof reply.body === 'string' || Buffer.isBuffer(reply.body)
						? reply.body
						: JSON.stringify(reply.body);
				headers['content-type'] ??= 'application/json';
			}
			res.writeHead(reply.status, headers);
			res.end(payload);
		});
	});
	// A loopback address of its own (all of 127.0.0.0/8 is local on Linux), so parallel runs can each have :443.
	let address;
	for (let attempt = 0; ; attempt++) {
		address = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
		try {
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, address, () => {
					server.off('error', reject);
					resolve();
				});
			});
			break;
		} catch (error) {
			if (error.code === 'EACCES')
				throw new Error(
					`port ${port} needs root (or CAP_NET_BIND_SERVICE) for the fake vendor hosts`,
				);
			if (error.code !== 'EADDRINUSE' || attempt >= 20) throw error;
		}
	}
	return { server, port, address, close: () => new Promise((r) => server.close(r)) };
}

/**
 * The environment an n8n process needs to reach the fakes (and nothing else): the DNS preload that answers the fake
 * host names with the fakes' address, the test CA, and SSRF protection off (the fakes live on loopback).
 */
function fakeHostsEnv({ hosts, address, caFile }) {
	return {
		NODE_OPTIONS: [
			process.env.NODE_OPTIONS,
			`--require=${require.resolve('./resolve-to-fakes.js')}`,
		]
			.filter(Boolean)
			.join(' '),
		CONTACT_SUITE_E2E_HOSTS: hosts.join(','),
		CONTACT_SUITE_E2E_ADDRESS: address,
		NODE_EXTRA_CA_CERTS: caFile,
		// A machine-wide npmrc may set its own `cafile` (npm then ignores NODE_EXTRA_CA_CERTS): npm run by n8n must trust the test CA.
		npm_config_cafile: caFile,
		N8N_SSRF_PROTECTION_ENABLED: 'false',
	};
}

module.exports = { startFakeHosts, fakeHostsEnv };
