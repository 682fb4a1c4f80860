'use strict';
/**
 * Fault suite (issue 8), run by test/e2e/run.js after the clean vendor runs, against the same n8n, package and fake host server.
 *
 *  1. Every vendor workflow again, on a fresh fake that answers a seeded, repeatable fraction of requests with
 *     429 + Retry-After, 503, or a dropped connection (dropped only for idempotent methods: a POST whose connection
 *     broke may have been stored, and the executor rightly does not send it again). The same output expectations
 *     as the clean run must hold, and every create must be stored exactly as often as in the clean run.
 *  2. A run whose faults outlast the retry budget (every request 503) must fail with a message that says so.
 *  3. The bad-input table (bad-input.js): ≥ 30 malformed ids, e-mails, URLs and missing fields across the nodes.
 *  4. Every output and error of these runs is scanned for the credentials' secrets; every host name n8n looked up
 *     must be a fake vendor host (the dns preload logs lookups to CONTACT_SUITE_E2E_DNS_LOG).
 *
 * Self-check: CONTACT_SUITE_E2E_FAULTS_RETRY_OFF=1 patches DEFAULT_RETRY.maxAttempts to 1 in the INSTALLED copy
 * (dist/nodes/shared/executor.js) before the fault runs; the suite must then fail.
 * Fault decision for the n-th request with the same method and URL: sha256(seed, method, url, n) < fraction,
 * at most MAX_STREAK faults in a row for one request, so a working retry (5 attempts) always gets through.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { n8n, parseRun, runView, workflowEnv } = require('../lib/n8n-cli');
const { checkNode } = require('../lib/expect');
const { runBadInput } = require('./bad-input');

const SEED = process.env.CONTACT_SUITE_E2E_FAULT_SEED || 'contact-suite-faults-1';
const FRACTION = Number(process.env.CONTACT_SUITE_E2E_FAULT_FRACTION || 0.2);
const MAX_STREAK = 2;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

function unit(...parts) {
	const hash = crypto.createHash('sha256').update(parts.join('\u0000')).digest();
	return hash.readUInt32BE(0) / 2 ** 32;
}

/** Wraps a fake's handler: faults decided per (method, url, occurrence), counted in `faults`. */
function injectFaults(fake, { always } = {}) {
	const original = fake.handle;
	const seen = new Map();
	const streak = new Map();
	const faults = { 429: 0, 503: 0, dropped: 0 };
	let total = 0;
	fake.faults = faults;
	fake.handle = async (req, rawBody, host) => {
		const key = `${req.method} ${host} ${req.url}`;
		const n = (seen.get(key) ?? 0) + 1;
		seen.set(key, n);
		const inRow = streak.get(key) ?? 0;
		total++;
		// The first request of every run is a 429, so even a one-request workflow is exercised under a fault.
		if (always || total === 1 || (inRow < MAX_STREAK && unit(SEED, key, n) < FRACTION)) {
			streak.set(key, inRow + 1);
			const kinds = always
				? ['503']
				: IDEMPOTENT.has(req.method)
					? ['429', '503', 'dropped']
					: ['429', '503'];
			const kind =
				total === 1 && !always
					? '429'
					: kinds[Math.floor(unit(SEED, 'kind', key, n) * kinds.length)];
			faults[kind]++;
			fake.requests.push({
				method: req.method,
				path: new URL(req.url, 'https://x').pathname,
				fault: kind,
				status: kind === 'dropped' ? 0 : Number(kind),
			});
			if (kind === '429')
				return {
					status: 429,
					body: { message: 'Too Many Requests (injected)' },
					headers: { 'retry-after': '1' },
				};
			if (kind === '503')
				return { status: 503, body: { message: 'Service Unavailable (injected)' } };
			req.socket.destroy();
			return { status: 500, body: { message: 'dropped' } };
		}
		streak.set(key, 0);
		return original(req, rawBody, host);
	};
	return fake;
}

const storedCreates = (fake) =>
	fake.requests.filter((r) => !r.fault && r.method === 'POST' && r.status >= 200 && r.status < 300)
		.length;

function secretsOf(vendors) {
	const secrets = new Set();
	for (const v of vendors)
		for (const c of v.credentials)
			for (const [field, value] of Object.entries(c.data ?? {}))
				if (
					typeof value === 'string' &&
					value.length >= 6 &&
					/key|secret|token|password|pass/i.test(field)
				)
					secrets.add(value);
	return [...secrets];
}

async function execute(rt, env, workflow) {
	const definition = JSON.parse(fs.readFileSync(workflow.file, 'utf8'));
	const out = await n8n(
		rt,
		['execute', `--id=${definition.id}`, '--rawOutput'],
		workflowEnv(env, workflow),
	);
	return { definition, out, run: parseRun(out.stdout) };
}

function patchRetryOff(installed, say) {
	const file = path.join(installed, 'dist', 'nodes', 'shared', 'executor.js');
	const text = fs.readFileSync(file, 'utf8');
	const patched = text.replace(/maxAttempts:\s*5\b/, 'maxAttempts: 1');
	if (patched === text) throw new Error(`retry-off self-check: no "maxAttempts: 5" in ${file}`);
	fs.writeFileSync(file, patched);
	say(
		'CONTACT_SUITE_E2E_FAULTS_RETRY_OFF=1: DEFAULT_RETRY.maxAttempts patched to 1 in the installed copy',
	);
	return () => fs.writeFileSync(file, text);
}

async function runFaults({ rt, env: baseEnv, active, installed, record, say, hosts, work }) {
	const dnsLog = path.join(work, 'dns-lookups.log');
	const env = { ...baseEnv, CONTACT_SUITE_E2E_DNS_LOG: dnsLog };
	const restoreRetry =
		process.env.CONTACT_SUITE_E2E_FAULTS_RETRY_OFF === '1'
			? patchRetryOff(installed, say)
			: () => {};
	const transcript = [];
	say(
		`fault suite: seed "${SEED}", ${Math.round(FRACTION * 100)} % of requests answered 429 (Retry-After: 1), 503 or dropped`,
	);
	try {
		// 1. Every workflow under faults, compared with the clean run.
		const badInputOnly = process.env.CONTACT_SUITE_E2E_BAD_INPUT_ONLY === '1';
		for (const entry of badInputOnly ? [] : active) {
			const { vendor } = entry;
			const clean = entry.fake;
			let faultyCreates = 0;
			for (const workflow of vendor.workflows.filter((w) => w.faults !== false)) {
				const faulty = injectFaults((workflow.createFake ?? vendor.createFake)());
				entry.fake = faulty;
				const t0 = Date.now();
				const { definition, out, run } = await execute(rt, env, workflow);
				transcript.push(out.stdout, out.stderr);
				const problems = [];
				if (!run)
					problems.push(
						`n8n execute printed no run (exit ${out.code}): ${(out.stdout + out.stderr).trim().split('\n').slice(-5).join(' | ')}`,
					);
				else {
					const view = runView(run);
					if (view.error)
						problems.push(
							`the workflow failed under faults: ${view.error.message}${view.error.description ? ` — ${view.error.description}` : ''}`,
						);
					problems.push(
						...view.nodeErrors().filter((e) => !view.error || !e.includes(view.error.message)),
					);
					for (const [nodeName, expected] of Object.entries(workflow.outputs ?? {}))
						problems.push(...checkNode(view, nodeName, expected));
					for (const [nodeName, expected] of Object.entries(workflow.errorOutputs ?? {}))
						problems.push(...checkNode(view, nodeName, expected, 'errorItems'));
					if (workflow.after)
						problems.push(
							...workflow.after({
								fake: faulty,
								requests: faulty.requests.filter((r) => !r.fault),
								run: view,
							}),
						);
				}
				const f = faulty.faults;
				const injected = f[429] + f[503] + f.dropped;
				if (!injected)
					problems.push('no fault was injected (the seed hit nothing): the run proves nothing');
				entry.fake = clean;
				record(
					`faults › ${vendor.name} › ${workflow.name ?? definition.name}: same output with ${f[429]}×429, ${f[503]}×503, ${f.dropped}× dropped (of ${faulty.requests.length} requests)`,
					problems,
					Date.now() - t0,
				);
				// A workflow with a fake of its own stored nothing in the clean run's vendor fake either.
				if (!workflow.createFake) faultyCreates += storedCreates(faulty);
			}
			// Creates stored: exactly as many as the clean run of the same workflows stored (never twice).
			const cleanCreates = storedCreates(clean);
			record(
				`faults › ${vendor.name}: creates stored under faults = clean run (${faultyCreates} vs ${cleanCreates}), none duplicated`,
				faultyCreates === cleanCreates
					? []
					: [`${faultyCreates} POSTs stored under faults, ${cleanCreates} in the clean run`],
			);
		}

		// 2. Faults beyond the retry budget: every request 503.
		const first = active[0];
		if (first && !badInputOnly) {
			const clean = first.fake;
			const workflow = first.vendor.workflows.find((w) => w.faults !== false);
			first.fake = injectFaults((workflow.createFake ?? first.vendor.createFake)(), {
				always: true,
			});
			const t0 = Date.now();
			const { definition, out, run } = await execute(rt, env, workflow);
			transcript.push(out.stdout, out.stderr);
			first.fake = clean;
			const view = run && runView(run);
			const message = view?.error ? `${view.error.message} ${view.error.description ?? ''}` : '';
			const problems = [];
			if (!view) problems.push(`n8n execute printed no run (exit ${out.code})`);
			else if (!view.error)
				problems.push('the workflow succeeded although every request was answered 503');
			else if (!/gave up after \d+ attempts|after \d+ attempts/i.test(message))
				problems.push(
					`the error does not say the retries ran out: ${JSON.stringify(message.slice(0, 300))}`,
				);
			record(
				`faults › ${first.vendor.name} › ${definition.name}: every request 503 → fails saying the retries ran out ("${message.trim().slice(0, 90)}")`,
				problems,
				Date.now() - t0,
			);
		}

		// 3. The bad-input table (faults/bad-input.js): refused with the parameter named, nothing sent, others unaffected.
		await runBadInput({ rt, env, active, record, work, transcript });
	} finally {
		restoreRetry();
	}

	// 4. Secrets and host names.
	const secrets = secretsOf(active.map((a) => a.vendor));
	const text = transcript.join('\n');
	const leaked = secrets.filter((s) => text.includes(s));
	record(
		`faults › no credential secret (${secrets.length} checked) in any output or error of the fault runs`,
		leaked.map((s) => `secret ${s.slice(0, 3)}… appears in the output`),
	);
	if (dnsLog && fs.existsSync(dnsLog)) {
		const looked = [...new Set(fs.readFileSync(dnsLog, 'utf8').split('\n').filter(Boolean))];
		const fakeHost = (h) =>
			hosts.some((p) => (p.startsWith('*.') ? h.endsWith(p.slice(1)) : h === p)) ||
			/^(localhost|127\.)/.test(h);
		record(
			`faults › every host name n8n looked up is a fake vendor host (${looked.length} names)`,
			looked.filter((h) => !fakeHost(h)).map((h) => `looked up ${h}`),
		);
	}
}

module.exports = { runFaults, injectFaults };
