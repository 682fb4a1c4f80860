#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: this package, packed and installed into a fresh n8n user folder of the pinned real n8n (the set-up
 * the e2e suite uses: test/e2e/lib/setup.js), run against the e2e fake vendors behind a WAN model
 * (test/e2e/fakes/wan.js: a round trip of RTT ms; the first answer on a new connection takes 3 RTT, later ones 1 RTT),
 * with SERVER_MS of server time for every 1,000 contacts a bulk request carries. Prints one table with a target and a
 * met/missed verdict per row and writes it into docs/benchmarks.md (between its `bench:results` markers):
 *
 *   1. Return All of 10,000 records per list operation (issue #17): ours, the HTTP Request node with pagination, and
 *      its pages replayed by bare Node (bench/replay.js) with a new connection each and with one kept-alive connection.
 *   2. Return All of N records (Ticketmatic, TicketSource): time and the n8n process's peak RSS, ours with Simplify off
 *      and on vs the HTTP Request node; records that fit in 1 GB.
 *   3. Bulk of N contacts (Quentn Create Many, Ticketmatic Import and Subscribe): requests, time, and the same chunks
 *      sent one after another (bare Node, new connection each: what n8n's helper does); again under the e2e fault mix
 *      (429 / 503 answers, test/e2e/faults) for duplicates.
 *   4. 200 single ChartMogul creates against its rate limits: the sending phase apart from n8n's item preparation.
 *   5. Warm n8n: 2 and 3 again in one long-running `n8n start`, started by webhooks, WARM_ROUNDS rounds after a warm-up.
 *   6. The package: size, dependencies, require time.
 *
 * Env: CONTACT_SUITE_BENCH_N (default 100000: records and contacts of 2, 3, 5), CONTACT_SUITE_BENCH_FAULT_N and
 * CONTACT_SUITE_BENCH_WARM_N (default N: contacts of 3's fault-mix runs, records and contacts of 5), CONTACT_SUITE_BENCH_ROUNDS (default 3,
 * rounds of 1), CONTACT_SUITE_BENCH_SCALE_ROUNDS (default 1, fresh rounds of 2), CONTACT_SUITE_BENCH_WARM_ROUNDS
 * (default 5; 0 skips 5), CONTACT_SUITE_BENCH_RTT_MS (default 50),
 * CONTACT_SUITE_BENCH_SERVER_MS (default 400 per 1,000 contacts), CONTACT_SUITE_BENCH_ONLY=<regex> (only the rows whose
 * label matches; a part's block then says so), CONTACT_SUITE_BENCH_PARTS (default all: lists,scale,bulk,creates,warm,
 * package; each part's block of docs/benchmarks.md is written as soon as the part is done, the others are left alone), CONTACT_SUITE_BENCH_SKIP_BUILD=1, CONTACT_SUITE_BENCH_KEEP=1.
 * Bounded: every n8n run has a time limit; the fakes listen on a loopback address only and stop at the end.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const setup = require('../test/e2e/lib/setup');
const { injectFaults } = require('../test/e2e/faults');
const { behindWan, rateLimited, sendingMs } = require('./lib/network');
const { workflow, makeItems } = require('./lib/workflows');
const { LISTS, BULKS, CREATES, carried, vendors: VENDORS } = require('./lib/benches');
const { executeFresh, replay, startWarm, requireTime } = require('./lib/runs');
const report = require('./lib/report');

const { REPO, PACKAGE } = setup;
const number = (name, fallback) => {
	const value = Number(process.env[name] ?? fallback);
	return Number.isFinite(value) && value >= 0 ? value : fallback;
};
const RTT_MS = number('CONTACT_SUITE_BENCH_RTT_MS', 50);
const ROUNDS = Math.max(1, number('CONTACT_SUITE_BENCH_ROUNDS', 3));
const N = Math.max(1, Math.floor(number('CONTACT_SUITE_BENCH_N', 100_000)));
const WARM_ROUNDS = Math.floor(number('CONTACT_SUITE_BENCH_WARM_ROUNDS', 5));
const SCALE_ROUNDS = Math.max(1, Math.floor(number('CONTACT_SUITE_BENCH_SCALE_ROUNDS', 1)));
/** Contacts of the fault-mix bulk runs and of the warm runs (lists and bulk); N unless set. */
const FAULT_N = Math.max(1, Math.floor(number('CONTACT_SUITE_BENCH_FAULT_N', N)));
const WARM_N = Math.max(1, Math.floor(number('CONTACT_SUITE_BENCH_WARM_N', N)));
const SERVER_MS = number('CONTACT_SUITE_BENCH_SERVER_MS', 400);
const KEEP = process.env.CONTACT_SUITE_BENCH_KEEP === '1';
/** The parts to run (each writes its own block of docs/benchmarks.md; the others are left as they were). */
const ALL_PARTS = ['lists', 'scale', 'bulk', 'creates', 'warm', 'package'];
const PARTS = new Set(
	(process.env.CONTACT_SUITE_BENCH_PARTS || ALL_PARTS.join(','))
		.split(',')
		.map((p) => p.trim())
		.filter((p) => ALL_PARTS.includes(p)),
);
const ONLY = process.env.CONTACT_SUITE_BENCH_ONLY
	? new RegExp(process.env.CONTACT_SUITE_BENCH_ONLY, 'i')
	: undefined;
const selected = (label) => !ONLY || ONLY.test(label);
/** Records per list of part 1 (issue #17's size). */
const RECORDS = 10_000;

const started = Date.now();
const say = (m) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);
const median = (values) => {
	const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
	return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
};
const loadAverage = () =>
	os
		.loadavg()
		.map((v) => v.toFixed(2))
		.join(' / ');

/** Median time (and RSS) of several runs, with the samples, the first failure and how many failed. */
function summarise(runs, key = 'executionMs') {
	const good = runs.filter((r) => !r.error);
	return {
		...(good[0] ?? runs[0]),
		executionMs: median(good.map((r) => r[key])),
		samples: good.map((r) => r[key]),
		peakRssKb: median(good.map((r) => r.peakRssKb)),
		rssSamples: good.map((r) => r.peakRssKb),
		// Warm runs: how far the server's RSS rose above what it was before the run.
		growthKb: median(
			good.filter((r) => r.baseRssKb !== undefined).map((r) => r.peakRssKb - r.baseRssKb),
		),
		failedRounds: runs.length - good.length,
		error: good.length ? undefined : runs[0]?.error,
	};
}

const uniqueIds = (items) =>
	new Set((items ?? []).map((item) => JSON.stringify(item.id ?? item.uuid ?? item))).size;

async function main() {
	const built = setup.build({ skip: process.env.CONTACT_SUITE_BENCH_SKIP_BUILD === '1', say });
	if (built !== 0) throw new Error(`npm run build failed (exit ${built})`);
	const { PAGES_IN_FLIGHT } = require(path.join(REPO, 'dist', 'nodes', 'shared', 'paginators.js'));
	const installation = await setup.installPackage({ name: 'bench', say });
	const { rt, work, userFolder, tarball, files } = installation;
	let fakes;
	const lines = [];
	let written = [];
	try {
		const packed = (v) => files.includes(`dist/${v.source.replace(/\.ts$/, '.js')}`);
		const slots = VENDORS.filter(packed).map((v) => ({
			vendor: v,
			hosts: v.hosts,
			fake: undefined,
		}));
		const fakeHosts = await setup.startFakes({ work, slots });
		fakes = fakeHosts.fakes;
		const { env, port } = await setup.n8nEnvironment({
			rt,
			userFolder,
			...fakeHosts,
			encryptionKey: 'contact-suite-bench-encryption-key',
		});
		/** Puts `fake` behind its vendor's hosts for the next run. */
		const use = (vendor, fake) => {
			slots.find((s) => s.vendor === vendor).fake = fake;
			return fake;
		};
		const wan = (fake) => behindWan(fake, { rttMs: RTT_MS, serverMsPer1000: SERVER_MS });
		say(
			`fakes on ${fakes.address}:${fakes.port}, RTT ${RTT_MS} ms, ${SERVER_MS} ms server time per 1,000 contacts; N = ${N}`,
		);

		// The workflows: fresh runs start by hand, warm runs by their webhook.
		const lists10k = PARTS.has('lists')
			? LISTS.filter((b) => packed(b.vendor) && selected(b.label))
			: [];
		const bigLists = LISTS.filter(
			(b) => b.simplify && packed(b.vendor) && selected(`${b.label} × ${N}`),
		);
		const bulks = BULKS.filter((b) => packed(b.vendor) && selected(`${b.label} × ${N}`));
		const creates = PARTS.has('creates') && packed(CREATES.vendor) && selected(CREATES.label);
		const warm = WARM_ROUNDS > 0 && PARTS.has('warm');
		const workflows = [];
		const add = (wf) => (workflows.push(wf), wf);
		lists10k.forEach((b, i) => {
			const ours = b.ours(b.simplify ? { simplify: false } : {});
			b.wf10k = {
				ours: add(workflow(`bL${i}ours`, `bench: ${b.label} (ours)`, [ours])),
				http: add(workflow(`bL${i}http`, `bench: ${b.label} (HTTP Request)`, [b.http])),
			};
		});
		const bigClients = (b) => ({
			off: b.ours({ simplify: false }),
			on: b.ours({ simplify: true }),
			http: b.http,
			// One record: the n8n process without the list, to tell the records' memory from n8n's own.
			base: b.ours({ simplify: false, returnAll: false, limit: 1 }),
		});
		bigLists.forEach((b, i) => {
			b.wfBig = {};
			b.wfWarm = {};
			for (const [client, node] of Object.entries(bigClients(b))) {
				b.wfBig[client] = add(
					workflow(`bB${i}${client}`, `bench: ${b.label} × ${N} (${client})`, [node]),
				);
				if (warm && client !== 'base')
					b.wfWarm[client] = add(
						workflow(`bW${i}${client}`, `bench warm: ${b.label} × ${WARM_N} (${client})`, [node], {
							webhookPath: `bench-list-${i}-${client}`,
						}),
					);
			}
		});
		bulks.forEach((b, i) => {
			b.wf = add(workflow(`bU${i}fresh`, `bench: ${b.label} × ${N}`, [makeItems(N), b.ours]));
			b.wfFaults =
				FAULT_N === N
					? b.wf
					: add(
							workflow(`bU${i}fault`, `bench: ${b.label} × ${FAULT_N}`, [
								makeItems(FAULT_N),
								b.ours,
							]),
						);
			if (warm)
				b.wfWarm = add(
					workflow(
						`bU${i}warm`,
						`bench warm: ${b.label} × ${WARM_N}`,
						[makeItems(WARM_N), b.ours],
						{
							webhookPath: `bench-bulk-${i}`,
						},
					),
				);
		});
		const createsWf =
			creates &&
			add(
				workflow('bC0fresh', `bench: ${CREATES.label}`, [
					{ ...makeItems(200, 'rate'), name: 'Make items' },
					CREATES.ours,
				]),
			);
		await setup.importIntoN8n({
			rt,
			env,
			work,
			credentials: VENDORS.filter(packed).flatMap((v) => v.credentials),
			workflows,
		});
		say(`imported ${workflows.length} workflows`);

		const cpus = os.cpus();
		const machine = {
			machine: `${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
			n8n: rt.version,
			node: spawnSync(rt.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim(),
			rttMs: RTT_MS,
			serverMs: SERVER_MS,
		};
		/** Each part's block starts with when and how it was measured: the load average at its start and end. */
		const parts = [];
		let part;
		const begin = (name) => {
			part = { name, t0: Date.now(), loadAtStart: loadAverage() };
		};
		/** Ends a part: its block, written into docs/benchmarks.md at once (a long run that stops keeps what it measured). */
		const end = (lines) => {
			if (!lines.length) return;
			const done = {
				name: part.name,
				lines: [
					report.measured({
						...machine,
						when: new Date(part.t0).toISOString().slice(0, 16).replace('T', ' '),
						loadAtStart: part.loadAtStart,
						loadAtEnd: loadAverage(),
						minutes: (Date.now() - part.t0) / 60_000,
						only: process.env.CONTACT_SUITE_BENCH_ONLY,
					}),
					'',
					...lines,
				],
			};
			parts.push(done);
			report.writeDocs(path.join(REPO, 'docs', 'benchmarks.md'), [done]);
			say(`${done.name}: written into docs/benchmarks.md`);
		};

		// 1. Return All of 10,000 records (issue #17).
		begin('lists');
		const listRows = [];
		for (const b of lists10k) {
			const pages = Math.ceil(RECORDS / b.pageSize);
			// Requests allowed: the pages it takes to see the end (without an end marker on the last full page, an
			// exact multiple needs one empty page more), plus k − 1 in flight beyond it where pages overlap.
			const needed = b.endMarked === false ? Math.floor(RECORDS / b.pageSize) + 1 : pages;
			const row = {
				label: b.label,
				parallel: b.parallel,
				bound: needed + (b.parallel ? PAGES_IN_FLIGHT - 1 : 0),
			};
			const runs = { ours: [], http: [], bare: [], bareKeepAlive: [] };
			for (let round = 1; round <= ROUNDS; round++) {
				for (const side of ['ours', 'http']) {
					const fake = use(b.vendor, wan(b.fake(RECORDS)));
					const r = await executeFresh(rt, env, b.wf10k[side], side === 'ours' ? 'Ours' : 'HTTP', {
						keep: KEEP,
					});
					const listed = fake.requests.filter(b.isList);
					runs[side].push({
						...r,
						requests: listed.length,
						connections: fake.stats.network.connections,
						unique: uniqueIds(r.items),
						records: r.items?.length ?? 0,
						recorded: listed.map((q) => ({
							method: q.method,
							host: String(q.headers.host).replace(/:\d+$/, ''),
							path: `${q.path}${Object.keys(q.query ?? {}).length ? `?${new URLSearchParams(q.query)}` : ''}`,
							headers: Object.fromEntries(
								['authorization', 'accept']
									.filter((h) => q.headers[h])
									.map((h) => [h, q.headers[h]]),
							),
						})),
						items: undefined,
					});
					say(
						`${b.label} (${side}, round ${round}): ${listed.length} requests on ${fake.stats.network.connections} connections, node ${report.ms(r.executionMs)}${r.error ? `, ERROR ${r.error}` : ''}`,
					);
				}
				// The HTTP Request node's pages, one after another, from bare Node: a new connection each, and one kept alive.
				const recorded = runs.http.find((r) => !r.error)?.recorded ?? [];
				for (const keepAlive of [false, true]) {
					const fake = use(b.vendor, wan(b.fake(RECORDS)));
					const r = await replay(rt, {
						address: fakes.address,
						port: fakes.port,
						caFile: fakeHosts.tls.caFile,
						keepAlive,
						requests: recorded,
					});
					runs[keepAlive ? 'bareKeepAlive' : 'bare'].push({
						...r,
						requests: recorded.length,
						connections: fake.stats.network.connections,
					});
					say(
						`${b.label} (bare Node, ${keepAlive ? 'keep-alive' : 'new connection each'}, round ${round}): ${r.error ? `ERROR ${r.error}` : report.ms(r.executionMs)}`,
					);
				}
			}
			for (const [key, list] of Object.entries(runs)) row[key] = summarise(list);
			listRows.push(row);
		}

		end(
			report.lists10k(listRows, {
				records: RECORDS,
				rounds: ROUNDS,
				pagesInFlight: PAGES_IN_FLIGHT,
			}),
		);

		// 2. Return All of N records, fresh: ours with Simplify off and on, the HTTP Request node, and one record.
		begin('scale');
		const bigRows = bigLists.map((b) => ({ label: b.label, pageSize: b.pageSize }));
		for (const b of PARTS.has('scale') ? bigLists : []) {
			const row = bigRows.find((r) => r.label === b.label);
			row.clients = {};
			for (const client of ['base', 'off', 'on', 'http']) {
				const runs = [];
				for (let round = 1; round <= (client === 'base' ? 1 : SCALE_ROUNDS); round++) {
					const fake = use(b.vendor, wan(b.fake(N)));
					const r = await executeFresh(
						rt,
						env,
						b.wfBig[client],
						client === 'http' ? 'HTTP' : 'Ours',
						{ keep: KEEP },
					);
					runs.push({
						...r,
						requests: fake.requests.filter(b.isList).length,
						records: r.items?.length ?? 0,
						unique: uniqueIds(r.items),
						items: undefined,
					});
					say(
						`${b.label} × ${N} (${client}, fresh): ${runs.at(-1).requests} requests, ${runs.at(-1).records} items, node ${report.ms(r.executionMs)}, peak RSS ${report.mb(r.peakRssKb)}${r.error ? `, ERROR ${r.error}` : ''}`,
					);
				}
				row.clients[client] = summarise(runs);
			}
		}
		end(
			report.bigLists(
				bigRows.filter((r) => r.clients),
				{ n: N, mode: 'fresh' },
			),
		);

		// The requests our node sent (bodies and headers as sent), one after another, a new connection each.
		const oneAfterAnother = async (b, sent, n) => {
			const fake = use(b.vendor, wan(b.fake(n)));
			const r = await replay(rt, {
				address: fakes.address,
				port: fakes.port,
				caFile: fakeHosts.tls.caFile,
				keepAlive: false,
				requests: sent.map((q) => ({
					method: q.method,
					host: String(q.headers.host).replace(/:\d+$/, ''),
					path: q.path,
					headers: Object.fromEntries(
						['authorization', 'accept'].filter((h) => q.headers[h]).map((h) => [h, q.headers[h]]),
					),
					body: q.body,
				})),
			});
			say(
				`${b.label} × ${n}: the same ${sent.length} requests one after another: ${r.error ? `ERROR ${r.error}` : report.ms(r.executionMs)}`,
			);
			return { ...r, requests: fake.requests.filter(b.isBulk).length };
		};
		const accepted = (b, fake) =>
			fake.requests.filter((q) => b.isBulk(q) && !q.fault && q.body !== undefined);

		// 3. Bulk of N contacts, fresh: ours; the same chunks one after another from bare Node; ours under the fault mix.
		begin('bulk');
		const bulkRows = [];
		for (const b of bulks) {
			const row = {
				label: b.label,
				note: b.note,
				n: N,
				target: Math.ceil(N / b.chunk),
				faultN: FAULT_N,
				faultTarget: Math.ceil(FAULT_N / b.chunk),
				warmN: WARM_N,
				warmTarget: Math.ceil(WARM_N / b.chunk),
			};
			bulkRows.push(row);
			if (!PARTS.has('bulk')) continue;
			let fake = use(b.vendor, wan(b.fake(N)));
			const r = await executeFresh(rt, env, b.wf, 'Ours', { keep: KEEP });
			row.ours = bulkOutcome(b, fake, r);
			say(
				`${b.label} × ${N} (fresh): ${row.ours.requests} requests, ${row.ours.ok} items ok, node ${report.ms(r.executionMs)}, sending ${report.ms(row.ours.sendingMs)}${r.error ? `, ERROR ${r.error}` : ''}`,
			);
			row.sequential = await oneAfterAnother(b, accepted(b, fake), N);
			// The e2e suite's fault mix: 429 (Retry-After 1) and 503 answers on a seeded 20 % of requests.
			fake = use(b.vendor, wan(injectFaults(b.fake(FAULT_N))));
			const f = await executeFresh(rt, env, b.wfFaults, 'Ours', { keep: KEEP });
			row.faults = { ...bulkOutcome(b, fake, f), injected: fake.faults };
			row.fresh = true;
			say(
				`${b.label} × ${FAULT_N} (fault mix): ${row.faults.requests} accepted requests, ${JSON.stringify(fake.faults)} injected, ${row.faults.duplicates} duplicates, ${row.faults.ok} items ok${f.error ? `, ERROR ${f.error}` : ''}`,
			);
		}
		end(
			report.bulks(
				bulkRows.filter((r) => r.fresh),
				{ serverMs: SERVER_MS, mode: 'fresh' },
			),
		);

		// 4. 200 single creates against ChartMogul's rate limits.
		begin('creates');
		let createsRow;
		if (creates) {
			const fake = use(CREATES.vendor, rateLimited(CREATES.fake(), { rttMs: RTT_MS }));
			const r = await executeFresh(rt, env, createsWf, 'Ours', { keep: KEEP });
			const emails = [...fake.state.contacts.values()].map((c) => c.email);
			createsRow = {
				...r,
				items: r.items?.length ?? 0,
				stored: emails.length,
				duplicates: emails.length - new Set(emails).size,
				posts: fake.requests.filter((q) => q.method === 'POST').length,
				stats: fake.stats,
				sendingMs: sendingMs(fake.stats),
			};
			say(
				`${CREATES.label}: ${createsRow.stored} stored, ${createsRow.stats.r429} × 429, node ${report.ms(r.executionMs)}, sending ${report.ms(createsRow.sendingMs)}`,
			);
		}

		end(report.creates(createsRow, { rttMs: RTT_MS }));

		// 5. Warm: one `n8n start`, each workflow once to warm up, then WARM_ROUNDS rounds.
		begin('warm');
		if (warm && (bigLists.length || bulks.length)) {
			say('starting n8n (warm runs)');
			const warmWorkflows = [
				...bigLists.flatMap((b) => Object.values(b.wfWarm)),
				...bulks.map((b) => b.wfWarm),
			];
			const server = await startWarm(rt, env, port, warmWorkflows);
			try {
				for (const b of bigLists) {
					const row = bigRows.find((r) => r.label === b.label);
					row.warm = {};
					const runs = { off: [], on: [], http: [] };
					// The clients take turns in every round, and each round starts with the next client: a run's peak RSS
					// depends on the heap the run before left (V8 keeps what it grew), so every client follows every other.
					const clients = ['off', 'on', 'http'];
					for (let round = 0; round <= WARM_ROUNDS; round++) {
						for (const client of clients.map((_, i) => clients[(i + round) % clients.length])) {
							const fake = use(b.vendor, wan(b.fake(WARM_N)));
							const r = await server
								.run(b.wfWarm[client], client === 'http' ? 'HTTP' : 'Ours')
								.catch((error) => ({ error: String(error.cause?.message ?? error.message) }));
							const run = {
								...r,
								requests: fake.requests.filter(b.isList).length,
								records: r.items?.length ?? 0,
								unique: uniqueIds(r.items),
								items: undefined,
							};
							if (round > 0) runs[client].push(run);
							say(
								`${b.label} × ${WARM_N} (${client}, warm ${round ? `round ${round}` : 'warm-up'}): node ${report.ms(r.executionMs)}, webhook ${report.ms(r.wallMs)}, peak RSS ${report.mb(r.peakRssKb)} (from ${report.mb(r.baseRssKb)})${r.error ? `, ERROR ${r.error}` : ''}`,
							);
						}
					}
					for (const [client, list] of Object.entries(runs)) row.warm[client] = summarise(list);
				}
				for (const b of bulks) {
					const row = bulkRows.find((r) => r.label === b.label);
					const runs = [];
					let sent = [];
					for (let round = 0; round <= WARM_ROUNDS; round++) {
						const fake = use(b.vendor, wan(b.fake(WARM_N)));
						const r = await server
							.run(b.wfWarm, 'Ours')
							.catch((error) => ({ error: String(error.cause?.message ?? error.message) }));
						const outcome = {
							...bulkOutcome(b, fake, r),
							wallMs: r.wallMs,
							peakRssKb: r.peakRssKb,
						};
						if (round > 0) runs.push(outcome);
						if (round === 1) sent = accepted(b, fake);
						say(
							`${b.label} × ${WARM_N} (warm ${round ? `round ${round}` : 'warm-up'}): ${outcome.requests} requests, node ${report.ms(r.executionMs)}, sending ${report.ms(outcome.sendingMs)}${r.error ? `, ERROR ${r.error}` : ''}`,
						);
					}
					row.warm = summarise(runs);
					row.warm.sendingMs = median(runs.map((r) => r.sendingMs));
					row.warm.sendingSamples = runs.map((r) => r.sendingMs);
					// The fresh part's replay where it ran with as many contacts; otherwise replayed here.
					row.warmSequential =
						WARM_N === N && row.sequential
							? row.sequential
							: await oneAfterAnother(b, sent, WARM_N);
				}
			} finally {
				await server.stop();
			}
		}

		end([
			...report.bigLists(
				bigRows.filter((r) => r.warm).map((r) => ({ ...r, clients: r.warm })),
				{ n: WARM_N, mode: `warm, ${WARM_ROUNDS} rounds` },
			),
			...report.bulks(
				bulkRows
					.filter((r) => r.warm)
					.map((r) => ({
						...r,
						n: WARM_N,
						target: r.warmTarget,
						ours: r.warm,
						sequential: r.warmSequential,
						faults: undefined,
					})),
				{ serverMs: SERVER_MS, mode: `warm, ${WARM_ROUNDS} rounds` },
			),
		]);

		begin('package');
		if (PARTS.has('package'))
			end(
				report.packageRows({
					tarballBytes: fs.statSync(tarball).size,
					files: files.length,
					deps: Object.keys(PACKAGE.dependencies ?? {}),
					require: requireTime(rt, REPO, PACKAGE),
				}),
			);
		lines.push(
			...parts.flatMap((p) => [
				`<!-- bench:${p.name} -->`,
				...p.lines,
				`<!-- /bench:${p.name} -->`,
			]),
		);
		written = parts;
	} finally {
		if (fakes) await fakes.close();
		setup.removeWork({ work, keep: KEEP, say });
	}
	const text = lines.join('\n');
	console.log(`\n${text}\n`);
	say(`done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
	say(`parts written into docs/benchmarks.md: ${written.map((p) => p.name).join(', ')}`);
}

/** What a bulk run gave, as the fake saw it: accepted requests, contacts sent twice, items out, the sending phase. */
function bulkOutcome(b, fake, r) {
	const accepted = fake.requests.filter((q) => b.isBulk(q) && !q.fault && q.body !== undefined);
	const contacts = accepted.flatMap((q) => carried(q.body));
	const out = r.items ?? [];
	return {
		requests: accepted.length,
		contacts: contacts.length,
		duplicates: contacts.length - new Set(contacts).size,
		stored: b.stored ? b.stored(fake) : undefined,
		ok: out.filter((item) => item.error === undefined).length,
		failed: out.filter((item) => item.error !== undefined).length + (r.errorItems?.length ?? 0),
		executionMs: r.executionMs,
		sendingMs: sendingMs(fake.stats),
		peakRssKb: r.peakRssKb,
		error: r.error,
	};
}

main().catch((error) => {
	console.error(error.stack || String(error));
	process.exitCode = 1;
});
