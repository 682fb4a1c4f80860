'use strict';
/**
 * The bench's reference client: sends a recorded list of requests one after another with Node's own https
 * module (no n8n), against the same fake, and prints the milliseconds it took. Run in a process of its own, as
 * n8n is, so the fake's event loop is not shared. `keepAlive` false opens a new connection (TCP + TLS) for every
 * request, as n8n's request helper does; true reuses one.
 *
 *   node bench/replay.js <job.json>   job: { address, port, caFile, keepAlive, requests: [{ method, host, path, headers, body? }] }
 *
 * A request with a `body` (a bulk chunk) sends it as JSON.
 */
const fs = require('node:fs');
const https = require('node:https');

async function main() {
	const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
	const ca = fs.readFileSync(job.caFile);
	const agent = job.keepAlive ? new https.Agent({ keepAlive: true, maxSockets: 1 }) : false;
	const started = process.hrtime.bigint();
	let records = 0;
	for (const r of job.requests) {
		const payload = r.body === undefined ? undefined : Buffer.from(JSON.stringify(r.body));
		const sent = payload
			? { 'content-type': 'application/json', 'content-length': String(payload.length) }
			: {};
		const body = await new Promise((resolve, reject) => {
			const req = https.request(
				{
					host: job.address,
					port: job.port,
					servername: r.host,
					method: r.method,
					path: r.path,
					headers: { ...r.headers, ...sent, host: r.host },
					ca,
					agent,
				},
				(res) => {
					const chunks = [];
					res.on('data', (c) => chunks.push(c));
					res.on('end', () =>
						res.statusCode < 400
							? resolve(Buffer.concat(chunks).toString('utf8'))
							: reject(new Error(`${r.method} ${r.path}: ${res.statusCode}`)),
					);
				},
			);
			req.on('error', reject);
			req.end(payload);
		});
		// Parsed, as any client must before it can read the next page's link or cursor.
		const parsed = body === '' ? {} : JSON.parse(body);
		records +=
			[parsed.data, parsed.entries, parsed.records].find(Array.isArray)?.length ??
			(Array.isArray(parsed) ? parsed.length : 0);
	}
	const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
	if (agent) agent.destroy();
	console.log(JSON.stringify({ elapsedMs, requests: job.requests.length, records }));
}

main().catch((error) => {
	console.error(error.stack || String(error));
	process.exitCode = 1;
});
