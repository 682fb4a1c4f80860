#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: this package, packed and installed into a fresh n8n user folder, run by the pinned real n8n
 * (the e2e suite's runtime) against the e2e fake vendors behind a WAN model (test/e2e/fakes/wan.js): a round trip
 * RTT_MS (default 50 ms); the first answer on a new connection takes 3 RTT (TCP + TLS 1.3 + the request), every
 * later answer on a kept-alive connection 1 RTT.
 *
 * Measured in one run and printed as a table with the targets of issue #17 and a met/missed verdict per row
 * (also written into docs/benchmarks.md, between its `bench:results` markers):
 *   - Return All of RECORDS records per vendor list operation: our node; n8n's own HTTP Request node with its
 *     pagination option (same n8n, same fakes); and, from bench/replay.js (bare Node, no n8n), the HTTP Request
 *     node's pages replayed one after another with a new connection each and with one kept-alive connection (the
 *     ideal sequential client = the sequential floor). Requests and connections as the fake saw them, records out
 *     (each once), node execution time from the run data (`executionTime` in `n8n execute --rawOutput`, so n8n's
 *     start-up is NOT included), median of ROUNDS rounds with min–max.
 *   - Bulk: Quentn createMany and Ticketmatic import of BULK records: requests vs one request per item.
 *   - Package: tarball size, runtime dependencies, time to require every node and credential from dist.
 *
 * Env: CONTACT_SUITE_BENCH_SKIP_BUILD=1 to use the dist/ already there; CONTACT_SUITE_BENCH_KEEP=1 keeps the temp folder;
 * CONTACT_SUITE_BENCH_RTT_MS (default 50); CONTACT_SUITE_BENCH_ROUNDS (default 3).
 * Bounded: every n8n run has a time limit; the fakes only listen on a loopback address and stop at the end.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile, spawnSync } = require('node:child_process');
const { promisify } = require('node:util');

const REPO = path.resolve(__dirname, '..');
const E2E = path.join(REPO, 'test', 'e2e');
const { ensureN8n, n8nEnv } = require('../scripts/lib/n8n-runtime');
const { packPackage, installIntoUserFolder } = require('../scripts/lib/package-install');
const { makeCertificates } = require(path.join(E2E, 'lib', 'tls'));
const { startFakeHosts, fakeHostsEnv } = require(path.join(E2E, 'lib', 'fake-hosts'));
const { n8n, parseRun, runView, freePort } = require(path.join(E2E, 'lib', 'n8n-cli'));
const { createTicketSourceFake } = require(path.join(E2E, 'fakes', 'ticketsource'));
const { createChartMogulFake } = require(path.join(E2E, 'fakes', 'chartmogul'));
const { createQuentnFake } = require(path.join(E2E, 'fakes', 'quentn'));
const { createTicketmaticFake } = require(path.join(E2E, 'fakes', 'ticketmatic'));

const { wan } = require(path.join(E2E, 'fakes', 'wan'));
const { withRateLimit } = require(path.join(E2E, 'lib', 'rate-limit'));

/** One network round trip of the WAN model. */
const RTT_MS = Math.max(0, Number(process.env.CONTACT_SUITE_BENCH_RTT_MS || 50));
/** Rounds of every list measurement; the table shows the median (CONTACT_SUITE_BENCH_ROUNDS to change). */
const ROUNDS = Math.max(1, Number(process.env.CONTACT_SUITE_BENCH_ROUNDS || 3));
/** CONTACT_SUITE_BENCH_ONLY=<regex>: only the benches whose label matches (docs/benchmarks.md is then left alone). */
const ONLY = process.env.CONTACT_SUITE_BENCH_ONLY
	? new RegExp(process.env.CONTACT_SUITE_BENCH_ONLY, 'i')
	: undefined;
const selected = (label) => !ONLY || ONLY.test(label);
const RECORDS = 10_000;
const BULK = 2_500;
const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const started = Date.now();
const say = (m) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);

const vendorInfo = (folder) => require(path.join(E2E, 'vendors', folder, 'index.js'));

/** Puts a fake behind the WAN model; counts requests in flight and (in `stats.network`) requests and connections. */
function withWan(fake) {
	const network = wan(RTT_MS);
	const stats = { inFlight: 0, maxInFlight: 0, network: network.stats };
	return Object.assign(Object.create(fake), {
		stats,
		requests: fake.requests,
		state: fake.state,
		async handle(req, body, host) {
			stats.inFlight++;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
			try {
				await network.delay(req);
				return await fake.handle(req, body, host);
			} finally {
				stats.inFlight--;
			}
		},
	});
}

const TRIGGER = {
	parameters: {},
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	id: 'b0000000-0000-4000-8000-000000000000',
};
let nodeSerial = 0;
function workflow(id, name, nodes) {
	const all = [
		TRIGGER,
		...nodes.map((n, i) => ({
			position: [200 * (i + 1), 0],
			id: `b0000000-0000-4000-8000-${String(++nodeSerial).padStart(12, '0')}`,
			...n,
		})),
	];
	const connections = {};
	for (let i = 0; i < all.length - 1; i++)
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return {
		id,
		name,
		active: false,
		nodes: all,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** n8n's HTTP Request node (v4.2) doing the same Return All with its "update a parameter in each request" pagination. */
function httpNode(name, { url, qs, credentialType, credential, param, complete }) {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		credentials: { [credentialType]: credential },
		parameters: {
			url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: credentialType,
			sendQuery: true,
			queryParameters: {
				parameters: Object.entries(qs).map(([n, value]) => ({ name: n, value: String(value) })),
			},
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'qs', name: param.name, value: param.value }] },
						paginationCompleteWhen: 'other',
						completeExpression: complete,
						limitPagesFetched: false,
						requestInterval: 0,
					},
				},
			},
		},
	};
}

const ref = (credential) => ({ id: credential.id, name: credential.name });

/**
 * One list benchmark: our node's Return All and the HTTP Request node's paginated equivalent, both with a credential
 * of the vendor (the first one unless given), against `fake()`; `path` picks the list requests out of the fake's log.
 */
function listBench(
	vendor,
	{
		label,
		pageSize,
		parallel = false,
		endMarked = true,
		fake,
		path: listPath,
		parameters,
		credential = vendor.credentials[0],
		http,
	},
) {
	const httpCredential = http.credential ?? credential;
	return {
		vendor,
		label,
		pageSize,
		parallel,
		endMarked,
		fake,
		listPath: (r) =>
			r.method === 'GET' &&
			(listPath instanceof RegExp ? listPath.test(r.path) : r.path === listPath),
		ours: {
			type: vendor.nodeType,
			credentials: { [credential.type]: ref(credential) },
			parameters: { ...parameters, returnAll: true },
		},
		http: httpNode('HTTP', {
			...http,
			credentialType: httpCredential.type,
			credential: ref(httpCredential),
		}),
	};
}

/** The list benchmarks: one per vendor list operation, ours and the HTTP Request node's. */
function listBenches() {
	const ts = vendorInfo('ticketsource');
	const cm = vendorInfo('chartmogul');
	const qn = vendorInfo('quentn');
	const tm = vendorInfo('ticketmatic');
	const quentnCredential = qn.credentials[0].data;
	const tmBasic =
		tm.credentials.find((c) => c.data.authentication === 'basic') ?? tm.credentials[0];
	const tmHmac = tm.credentials.find((c) => c.data.authentication === 'hmac') ?? tm.credentials[0];
	return [
		listBench(ts, {
			label: 'TicketSource customers',
			pageSize: 100,
			parallel: true,
			fake: () =>
				createTicketSourceFake({ apiKey: ts.credentials[0].data.apiKey, seedCustomers: RECORDS }),
			path: '/customers',
			parameters: { resource: 'customer', operation: 'getAll' },
			http: {
				url: 'https://api.ticketsource.io/customers',
				qs: { per_page: 100 },
				param: { name: 'page', value: '={{ $pageCount + 1 }}' },
				complete: '={{ $response.body.links.next === null }}',
			},
		}),
		listBench(cm, {
			label: 'ChartMogul contacts',
			pageSize: 200,
			fake: () =>
				createChartMogulFake({ apiKey: cm.credentials[0].data.apiKey, seedContacts: RECORDS }),
			path: '/v1/contacts',
			parameters: { resource: 'contact', operation: 'getAll' },
			http: {
				url: 'https://api.chartmogul.com/v1/contacts',
				qs: { per_page: 200 },
				param: { name: 'cursor', value: '={{ $response.body.cursor }}' },
				complete: '={{ !$response.body.has_more }}',
			},
		}),
		listBench(qn, {
			label: 'Quentn terms',
			pageSize: 500,
			parallel: true,
			// No total and no next marker: a list of an exact multiple of 500 ends only at an empty page.
			endMarked: false,
			fake: () =>
				createQuentnFake({
					apiKey: quentnCredential.apiKey,
					terms: Array.from({ length: RECORDS }, (_, i) => ({ name: `Term ${i + 1}` })),
				}),
			path: '/public/api/V1/terms',
			parameters: { resource: 'term', operation: 'getAll' },
			http: {
				url: `https://${quentnCredential.systemId}.${quentnCredential.serverId}.quentn.com/public/api/V1/terms`,
				qs: { limit: 500, offset: 0 },
				param: { name: 'offset', value: '={{ $pageCount * 500 }}' },
				complete: '={{ $response.body.length < 500 }}',
			},
		}),
		listBench(tm, {
			label: 'Ticketmatic contacts',
			pageSize: 1000,
			parallel: true,
			fake: () => {
				const fake = createTicketmaticFake({
					accountName: tm.credentials[0].data.accountName,
					accessKey: tm.credentials[0].data.accessKey,
					secretKey: tm.credentials[0].data.secretKey,
				});
				for (let i = 0; i < RECORDS; i++) {
					const id = 20001 + i;
					fake.state.contacts.set(id, {
						id,
						firstname: 'Seed',
						lastname: `Contact ${i + 1}`,
						email: `seed${i + 1}@example.org`,
						relationtypes: [],
						isdeleted: false,
						createdts: new Date().toISOString(),
					});
				}
				return fake;
			},
			path: /\/contacts$/,
			parameters: { resource: 'contact', operation: 'getAll' },
			credential: tmHmac,
			http: {
				url: `https://apps.ticketmatic.com/api/1/${tm.credentials[0].data.accountName}/contacts`,
				qs: { limit: 1000, offset: 0 },
				credential: tmBasic,
				param: { name: 'offset', value: '={{ $pageCount * 1000 }}' },
				complete: '={{ $pageCount * 1000 >= $response.body.nbrofresults }}',
			},
		}),
	];
}

/** From the first request's arrival at the fake to its last answer: the node's time without what n8n does before sending. */
const sending = (row) =>
	row.stats.firstArrival === undefined ? undefined : row.stats.lastAnswer - row.stats.firstArrival;

/** ChartMogul's limits (429 above 40 requests/s, 503 above 20 open requests) behind the WAN model. */
function rateLimited(fake) {
	const network = wan(RTT_MS);
	const limited = withRateLimit(fake, {
		perSecond: 40,
		open: 20,
		delay: (req) => network.delay(req),
	});
	limited.stats.network = network.stats;
	return limited;
}

/** Input items for the bulk benchmarks, made by a Code node. */
const makeItems = {
	name: 'Make items',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		jsCode: `return Array.from({ length: ${BULK} }, (_, i) => ({ json: { email: 'bulk' + (i + 1) + '@example.org', first: 'Bulk', last: 'Contact ' + (i + 1) } }));`,
	},
};

function bulkBenches() {
	const qn = vendorInfo('quentn');
	const tm = vendorInfo('ticketmatic');
	const tmHmac = tm.credentials.find((c) => c.data.authentication === 'hmac') ?? tm.credentials[0];
	return [
		{
			vendor: qn,
			label: `Quentn contact createMany × ${BULK}`,
			chunk: 100,
			fake: () => createQuentnFake({ apiKey: qn.credentials[0].data.apiKey }),
			bulkPath: (r) => r.method === 'POST' && r.path === '/public/api/V1/contacts',
			count: (fake) => fake.state.contacts.size,
			ours: {
				type: qn.nodeType,
				credentials: { [qn.credentials[0].type]: ref(qn.credentials[0]) },
				parameters: { resource: 'contact', operation: 'createMany', email: '={{ $json.email }}' },
			},
		},
		{
			vendor: tm,
			label: `Ticketmatic contact import × ${BULK}`,
			chunk: 1000,
			fake: () =>
				createTicketmaticFake({
					accountName: tm.credentials[0].data.accountName,
					accessKey: tm.credentials[0].data.accessKey,
					secretKey: tm.credentials[0].data.secretKey,
				}),
			bulkPath: (r) => r.method === 'POST' && /\/contacts\/import$/.test(r.path),
			count: (fake) => fake.state.contacts.size,
			ours: {
				type: tm.nodeType,
				credentials: { [tmHmac.type]: ref(tmHmac) },
				parameters: { resource: 'contact', operation: 'import', email: '={{ $json.email }}' },
			},
		},
	];
}

/** Runs one workflow with `n8n execute --rawOutput`; returns the node's execution time from the run data. */
async function execute(rt, env, wf, nodeName) {
	const t0 = Date.now();
	const out = await n8n(rt, ['execute', `--id=${wf.id}`, '--rawOutput'], env, {
		timeoutMs: 240_000,
	});
	const cliMs = Date.now() - t0;
	const run = parseRun(out.stdout);
	if (process.env.CONTACT_SUITE_BENCH_KEEP === '1')
		fs.writeFileSync(path.join(os.tmpdir(), `bench-${wf.id}.out`), out.stdout + out.stderr);
	if (!run)
		return {
			error: `no run printed (exit ${out.code}, ${out.stdout.length} chars): ${(out.stdout + out.stderr).trim().split('\n').slice(-5).join(' | ')}`,
			cliMs,
		};
	const view = runView(run);
	const task = run.data.resultData.runData?.[nodeName]?.[0];
	const error = task?.error
		? `${task.error.message}${task.error.description ? ` (${task.error.description})` : ''}`
		: view.error?.message;
	return { view, items: view.items(nodeName), executionMs: task?.executionTime, cliMs, error };
}

/** Runs bench/replay.js in its own process (asynchronously: the fakes answer from this one). */
async function replay(rt, job) {
	const file = path.join(os.tmpdir(), `contact-suite-replay-${process.pid}.json`);
	fs.writeFileSync(file, JSON.stringify(job));
	try {
		const { stdout } = await promisify(execFile)(
			rt.nodeBin,
			[path.join(__dirname, 'replay.js'), file],
			{ timeout: 120_000 },
		);
		return { executionMs: JSON.parse(stdout.trim().split('\n').pop()).elapsedMs };
	} catch (error) {
		return {
			error: String(error.stderr || error.message)
				.trim()
				.split('\n')
				.slice(0, 2)
				.join(' '),
		};
	} finally {
		fs.rmSync(file, { force: true });
	}
}

function requireTime(rt) {
	const files = [...PACKAGE.n8n.nodes, ...PACKAGE.n8n.credentials].map((f) => path.join(REPO, f));
	const script = `const t=process.hrtime.bigint();for(const f of ${JSON.stringify(files)})require(f);console.log(Number(process.hrtime.bigint()-t)/1e6)`;
	const times = [];
	for (let i = 0; i < 5; i++) {
		const r = spawnSync(rt.nodeBin, ['-e', script], { cwd: REPO, encoding: 'utf8' });
		if (r.status !== 0) return { error: r.stderr.trim().split('\n').slice(0, 3).join(' ') };
		times.push(Number(r.stdout.trim()));
	}
	times.sort((a, b) => a - b);
	return { medianMs: times[2], files: files.length };
}

const median = (values) => {
	const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
	return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
};
const timeCell = (s) => {
	if (s.error) return `error: ${String(s.error).slice(0, 120)}`;
	const samples = (s.samples ?? []).filter((v) => v !== undefined);
	const failed = s.failedRounds ? ` [${s.failedRounds} round(s) failed]` : '';
	return `${samples.length > 1 ? `${ms(s.executionMs)} (${Math.round(Math.min(...samples))}–${Math.round(Math.max(...samples))})` : ms(s.executionMs)}${failed}`;
};
const ms = (v) => (v === undefined ? '—' : `${Math.round(v)} ms`);
const ratio = (v) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(2));
const verdict = (ok) => (ok === undefined ? '—' : ok ? 'met' : '**missed**');

async function main() {
	if (process.env.CONTACT_SUITE_BENCH_SKIP_BUILD !== '1') {
		say('npm run build');
		const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, stdio: 'inherit' });
		if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
	}
	// Pages our node keeps in flight where pages are addressable, as built.
	const { PAGES_IN_FLIGHT } = require(path.join(REPO, 'dist', 'nodes', 'shared', 'paginators.js'));
	const loadAtStart = `at the start ${os
		.loadavg()
		.map((v) => v.toFixed(2))
		.join(' / ')}`;
	const rt = await ensureN8n({ log: say });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-suite-bench-'));
	const userFolder = path.join(work, 'user');
	let fakes;
	const lines = [];
	try {
		const { tarball, files } = packPackage(REPO, path.join(work, 'pack'));
		installIntoUserFolder(userFolder, tarball, PACKAGE.name);
		const packed = (v) => {
			const dist = `dist/${v.source.replace(/\.ts$/, '.js')}`;
			if (files.includes(dist)) return true;
			say(`${v.name}: ${dist} is not in the packed package, skipped`);
			return false;
		};
		const lists = listBenches().filter((b) => selected(b.label) && packed(b.vendor));
		const bulks = bulkBenches().filter((b) => selected(b.label) && packed(b.vendor));
		say(
			`packed ${path.basename(tarball)}; list benches: ${lists.map((b) => b.label).join(', ')}; bulk: ${bulks.map((b) => b.label).join(', ')}`,
		);

		// One fake per bench, each on its own host set: all fakes share one HTTPS server but a vendor's hosts
		// can only be answered by one fake at a time, so the fake behind a vendor is swapped between runs.
		// Every vendor gets a slot, whichever benches CONTACT_SUITE_BENCH_ONLY selected.
		const vendors = [
			...new Set([...listBenches(), ...bulkBenches()].map((b) => b.vendor).filter(packed)),
		];
		const hosts = [...new Set(vendors.flatMap((v) => v.hosts))];
		const tls = makeCertificates(path.join(work, 'tls'), hosts);
		const slots = vendors.map((v) => ({
			vendor: v,
			hosts: v.hosts,
			fake: undefined,
		}));
		fakes = await startFakeHosts({ tls, fakes: slots });
		const use = (vendor, fake) => {
			slots.find((s) => s.vendor === vendor).fake = fake;
			return fake;
		};
		say(
			`fakes on ${fakes.address}:${fakes.port} behind a WAN of RTT ${RTT_MS} ms (3 RTT for a new connection's first answer, 1 RTT after)`,
		);

		const port = await freePort();
		const env = n8nEnv(rt, userFolder, {
			...fakeHostsEnv({ hosts, address: fakes.address, caFile: tls.caFile }),
			N8N_ENCRYPTION_KEY: 'contact-suite-bench-encryption-key',
			N8N_LOG_LEVEL: 'info', // --rawOutput prints the run through n8n's logger: at 'warn' nothing is printed
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			DB_TYPE: 'sqlite',
		});

		const workflows = [];
		lists.forEach((b, i) => {
			b.oursWf = workflow(
				`benchList${i}Ours000`.slice(0, 16).padEnd(16, '0'),
				`bench: ${b.label} (ours)`,
				[{ name: 'Ours', ...b.ours }],
			);
			b.httpWf = workflow(
				`benchList${i}Http000`.slice(0, 16).padEnd(16, '0'),
				`bench: ${b.label} (HTTP Request)`,
				[b.http],
			);
			workflows.push(b.oursWf, b.httpWf);
		});
		bulks.forEach((b, i) => {
			b.wf = workflow(`benchBulk${i}Ours000`.slice(0, 16).padEnd(16, '0'), `bench: ${b.label}`, [
				makeItems,
				{ name: 'Ours', ...b.ours },
			]);
			workflows.push(b.wf);
		});
		const cmInfo = vendorInfo('chartmogul');
		const rateWf = workflow(
			'benchRate0Ours00',
			'bench: 200 ChartMogul creates against a rate limit',
			[
				{
					...makeItems,
					parameters: {
						jsCode:
							"return Array.from({ length: 200 }, (_, i) => ({ json: { email: 'rate' + (i + 1) + '@example.org' } }));",
					},
				},
				{
					name: 'Ours',
					type: cmInfo.nodeType,
					typeVersion: 1,
					credentials: { [cmInfo.credentials[0].type]: ref(cmInfo.credentials[0]) },
					parameters: {
						resource: 'contact',
						operation: 'create',
						customerUuid: 'cus_e2e-0001',
						dataSourceUuid: { __rl: true, mode: 'id', value: 'ds_e2e-0001' },
						additionalFields: { email: '={{ $json.email }}' },
					},
				},
			],
		);
		workflows.push(rateWf);
		const credentialsFile = path.join(work, 'credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify(vendors.flatMap((v) => v.credentials)));
		const workflowsFile = path.join(work, 'workflows.json');
		fs.writeFileSync(workflowsFile, JSON.stringify(workflows));
		for (const [what, file] of [
			['credentials', credentialsFile],
			['workflow', workflowsFile],
		]) {
			const out = await n8n(rt, [`import:${what}`, `--input=${file}`], env);
			if (out.code !== 0)
				throw new Error(
					`n8n import:${what} failed (exit ${out.code}):\n${(out.stdout + out.stderr).slice(-2000)}`,
				);
		}

		const listRows = [];
		for (const b of lists) {
			const pages = Math.ceil(RECORDS / b.pageSize);
			// Requests allowed: the pages it takes to see the end (without an end marker on the last full page, an
			// exact multiple needs one empty page more), plus k − 1 in flight beyond it where pages overlap.
			const needed = b.endMarked ? pages : Math.floor(RECORDS / b.pageSize) + 1;
			const row = {
				label: b.label,
				parallel: b.parallel,
				pages,
				bound: needed + (b.parallel ? PAGES_IN_FLIGHT - 1 : 0),
			};
			// ROUNDS rounds, the four clients taking turns within each, so drift on the machine hits all alike;
			// the table shows each client's median node time (requests and output are the same every round).
			const times = { ours: [], http: [], bare: [], bareKeepAlive: [] };
			for (let round = 1; round <= ROUNDS; round++) {
				for (const side of ['ours', 'http']) {
					const fake = use(b.vendor, withWan(b.fake()));
					const r = await execute(
						rt,
						env,
						side === 'ours' ? b.oursWf : b.httpWf,
						side === 'ours' ? 'Ours' : 'HTTP',
					);
					const requests = fake.requests.filter(b.listPath).length;
					times[side].push(r.executionMs);
					if (r.error && row[side] && !row[side].error) {
						row[side].failedRounds = (row[side].failedRounds ?? 0) + 1; // keep the good round's record
					} else if (round === 1 || r.error || row[side]?.error) {
						const recorded = fake.requests.filter(b.listPath).map((q) => ({
							method: q.method,
							host: String(q.headers.host).replace(/:\d+$/, ''),
							path: `${q.path}${Object.keys(q.query ?? {}).length ? `?${new URLSearchParams(q.query)}` : ''}`,
							headers: Object.fromEntries(
								['authorization', 'accept']
									.filter((h) => q.headers[h])
									.map((h) => [h, q.headers[h]]),
							),
						}));
						const unique = new Set(
							(r.items ?? []).map((item) => JSON.stringify(item.id ?? item.uuid ?? item)),
						).size;
						row[side] = {
							...r,
							requests,
							recorded,
							unique,
							connections: fake.stats.network.connections,
							maxInFlight: fake.stats.maxInFlight,
						};
					}
					say(
						`${b.label} (${side}, round ${round}): ${requests} list requests on ${fake.stats.network.connections} connections (≤ ${fake.stats.maxInFlight} in flight), node ${ms(r.executionMs)}, CLI ${ms(r.cliMs)}${side === 'ours' ? `, ${r.items?.length ?? 0} items` : ''}${r.error ? `, ERROR ${r.error}` : ''}`,
					);
				}
				// The HTTP Request node's pages (just the pages needed, one after another), replayed by a bare Node https
				// client (bench/replay.js, no n8n): with a new connection each (what n8n's helper opens) and with one
				// kept-alive connection, the ideal sequential client.
				const recorded = row.http.recorded;
				for (const keepAlive of [false, true]) {
					const key = keepAlive ? 'bareKeepAlive' : 'bare';
					const fake = use(b.vendor, withWan(b.fake()));
					const r = await replay(rt, {
						address: fakes.address,
						port: fakes.port,
						caFile: tls.caFile,
						keepAlive,
						requests: recorded,
					});
					times[key].push(r.executionMs);
					if (r.error && row[key] && !row[key].error)
						row[key].failedRounds = (row[key].failedRounds ?? 0) + 1;
					else if (round === 1 || r.error || row[key]?.error)
						row[key] = {
							...r,
							requests: recorded.length,
							connections: fake.stats.network.connections,
						};
					say(
						`${b.label} (bare Node https, ${keepAlive ? 'keep-alive' : 'new connection each'}, round ${round}): ${recorded.length} requests on ${fake.stats.network.connections} connections, ${r.error ? `ERROR ${r.error}` : ms(r.executionMs)}`,
					);
				}
			}
			for (const [key, list] of Object.entries(times)) {
				if (row[key] && !row[key].error)
					Object.assign(row[key], { executionMs: median(list), samples: list });
			}
			listRows.push(row);
		}

		const bulkRows = [];
		for (const b of bulks) {
			const fake = use(b.vendor, withWan(b.fake()));
			const r = await execute(rt, env, b.wf, 'Ours');
			const requests = fake.requests.filter(b.bulkPath).length;
			const row = {
				label: b.label,
				requests,
				target: Math.ceil(BULK / b.chunk),
				stored: b.count(fake),
				items: r.items?.length ?? 0,
				executionMs: r.executionMs,
				error: r.error,
			};
			bulkRows.push(row);
			say(
				`${b.label}: ${requests} requests, ${row.stored} stored, ${row.items} items out, node ${ms(r.executionMs)}${r.error ? `, ERROR ${r.error}` : ''}`,
			);
		}

		// 200 single creates against a rate-limited ChartMogul: 40 req/s means ≥ 5 s; target ≤ 1.2 × 5 s, 0 failures, 0 duplicates, 0 × 429.
		let rateRow;
		const cm = vendorInfo('chartmogul');
		if (selected('ChartMogul 200 creates') && packed(cm)) {
			const fake = use(
				cm,
				rateLimited(createChartMogulFake({ apiKey: cm.credentials[0].data.apiKey })),
			);
			const r = await execute(rt, env, rateWf, 'Ours');
			const emails = [...fake.state.contacts.values()].map((c) => c.email);
			rateRow = {
				...r,
				stored: emails.length,
				duplicates: emails.length - new Set(emails).size,
				posts: fake.requests.filter((q) => q.method === 'POST').length,
				stats: fake.stats,
				items: r.items?.length ?? 0,
			};
			say(
				`ChartMogul 200 creates: ${rateRow.stored} stored, ${rateRow.duplicates} duplicates, ${rateRow.stats.r429} × 429, ${rateRow.stats.r503} × 503, node ${ms(r.executionMs)}, first request to last answer ${ms(sending(rateRow))}${r.error ? `, ERROR ${r.error}` : ''}`,
			);
		}

		const tarballBytes = fs.statSync(tarball).size;
		const deps = Object.keys(PACKAGE.dependencies ?? {});
		const req = requireTime(rt);

		// The table.
		const load = (when) =>
			`${when} ${os
				.loadavg()
				.map((v) => v.toFixed(2))
				.join(' / ')}`;
		lines.push(
			`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, n8n ${rt.version}, Node ${spawnSync(rt.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim()}; load average (1 / 5 / 15 min): ${loadAtStart}, ${load('at the end')}.`,
		);
		lines.push(
			`WAN model (test/e2e/fakes/wan.js): RTT ${RTT_MS} ms; the first answer on a new connection takes 3 RTT (TCP + TLS 1.3 handshakes + the request), every later answer on a kept-alive connection 1 RTT.`,
		);
		lines.push(
			"Times are the node's own `executionTime` from the run data of `n8n execute --rawOutput` (n8n's start-up is not included); for the bare Node clients (bench/replay.js, no n8n) the time from the first request to the last answer.",
		);
		lines.push(
			`Times are the median of ${ROUNDS} rounds (the clients take turns within a round), min–max in brackets. "ideal" is the bare Node client with one kept-alive connection sending the HTTP Request node's pages one after another: the sequential floor.`,
		);
		lines.push('');
		lines.push(`### Return All of ${RECORDS.toLocaleString('en')} records`);
		lines.push('');
		lines.push(
			'| list operation | client | requests (bound) | connections | records out (each once) | time | vs HTTP Request | vs ideal | target | verdict |',
		);
		lines.push('|---|---|---|---|---|---|---|---|---|---|');
		for (const row of listRows) {
			const ours = row.ours;
			const http = row.http;
			const ideal = row.bareKeepAlive;
			const vsHttp = ours.executionMs / http.executionMs;
			const vsIdeal = ideal && !ideal.error ? ours.executionMs / ideal.executionMs : undefined;
			const records = ours.items?.length ?? 0;
			const common =
				!ours.error && records === RECORDS && ours.unique === RECORDS && ours.requests <= row.bound;
			let target;
			let ok;
			if (row.parallel) {
				target = `requests ≤ ${row.bound}; ${RECORDS} records once; ≤ 0.4 × HTTP Request; ≤ 1.0 × ideal`;
				ok = common && vsHttp <= 0.4 && vsIdeal !== undefined && vsIdeal <= 1.0;
			} else {
				target = `requests ≤ ${row.bound}; ${RECORDS} records once; ≤ 1.0 × HTTP Request`;
				ok = common && vsHttp <= 1.0;
			}
			const label = `${row.label}${row.parallel ? ` (${PAGES_IN_FLIGHT} pages in flight)` : ' (cursor: one page after another)'}`;
			lines.push(
				`| ${label} | ours | ${ours.requests} (≤ ${row.bound}) | ${ours.connections} | ${records} (${ours.unique}) | ${timeCell(ours)} | ${ratio(vsHttp)} | ${ratio(vsIdeal)} | ${target} | ${verdict(ok)} |`,
			);
			lines.push(
				`| ${row.label} | HTTP Request node + pagination | ${http.requests} | ${http.connections} | — | ${timeCell(http)} | 1.00 | ${ideal && !ideal.error ? ratio(http.executionMs / ideal.executionMs) : '—'} |  |  |`,
			);
			for (const [key, name] of [
				['bare', 'bare Node, new connection per request'],
				['bareKeepAlive', 'ideal: bare Node, one kept-alive connection'],
			]) {
				const s = row[key];
				if (!s) continue;
				lines.push(
					`| ${row.label} | ${name} | ${s.requests} | ${s.connections ?? '—'} | — | ${timeCell(s)} | ${s.error ? '—' : ratio(s.executionMs / http.executionMs)} | ${s.error || !ideal || ideal.error ? '—' : ratio(s.executionMs / ideal.executionMs)} |  |  |`,
				);
			}
		}
		lines.push('');
		lines.push(`### Bulk: ${BULK.toLocaleString('en')} contacts`);
		lines.push('');
		lines.push(
			'| operation | requests (target) | one request per item | contacts stored | items out | node time | verdict |',
		);
		lines.push('|---|---|---|---|---|---|---|');
		for (const row of bulkRows) {
			const ok =
				!row.error && row.requests === row.target && row.stored === BULK && row.items === BULK;
			lines.push(
				`| ${row.label} | ${row.requests} (${row.target}) | ${BULK} | ${row.stored} | ${row.items} | ${row.error ? `error: ${String(row.error).slice(0, 120)}` : ms(row.executionMs)} | ${verdict(ok)} |`,
			);
		}
		if (rateRow) {
			lines.push('');
			lines.push(
				`### 200 single ChartMogul contact creates, fake answering 429 above 40 req/s and 503 above 20 open requests, RTT ${RTT_MS} ms`,
			);
			lines.push('');
			lines.push(
				'| failures | contacts stored | duplicates | POSTs sent | 429s | 503s | max in flight | node time | first request → last answer | target | verdict |',
			);
			lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
			const failures = 200 - rateRow.items + (rateRow.error ? 1 : 0);
			const ok =
				!rateRow.error &&
				failures === 0 &&
				rateRow.stored === 200 &&
				rateRow.duplicates === 0 &&
				rateRow.stats.r429 === 0 &&
				rateRow.executionMs <= 6000;
			lines.push(
				`| ${failures}${rateRow.error ? ` (${String(rateRow.error).slice(0, 100)})` : ''} | ${rateRow.stored} | ${rateRow.duplicates} | ${rateRow.posts} | ${rateRow.stats.r429} | ${rateRow.stats.r503} | ${rateRow.stats.maxInFlight} | ${ms(rateRow.executionMs)} | ${ms(sending(rateRow))} | 0 failures, 200 stored, 0 duplicates, 0 × 429, ≤ 6000 ms (1.2 × the 5 s floor) | ${verdict(ok)} |`,
			);
		}
		lines.push('');
		lines.push('### Package');
		lines.push('');
		lines.push('| measure | value |');
		lines.push('|---|---|');
		lines.push(
			`| tarball (npm pack) | ${(tarballBytes / 1024).toFixed(1)} KiB, ${files.length} files |`,
		);
		lines.push(
			`| runtime dependencies | ${deps.length}${deps.length ? ` (${deps.join(', ')})` : ''} |`,
		);
		lines.push(
			`| require every node and credential from dist (${req.files ?? '?'} files, fresh process, median of 5) | ${req.error ? `error: ${req.error}` : ms(req.medianMs)} |`,
		);
	} finally {
		if (fakes) await fakes.close();
		if (process.env.CONTACT_SUITE_BENCH_KEEP === '1') say(`kept ${work}`);
		else fs.rmSync(work, { recursive: true, force: true });
	}
	const text = lines.join('\n');
	console.log(`\n${text}\n`);
	if (ONLY)
		return say(
			`CONTACT_SUITE_BENCH_ONLY is set: ${path.join('docs', 'benchmarks.md')} left as it was`,
		);
	const docs = path.join(REPO, 'docs', 'benchmarks.md');
	const page = fs.readFileSync(docs, 'utf8');
	const start = '<!-- bench:results -->';
	const end = '<!-- /bench:results -->';
	if (!page.includes(start) || !page.includes(end))
		throw new Error(`${docs} has no ${start} … ${end} markers`);
	fs.writeFileSync(
		docs,
		`${page.slice(0, page.indexOf(start) + start.length)}\n${text}\n${page.slice(page.indexOf(end))}`,
	);
	say('written into docs/benchmarks.md');
}

main().catch((error) => {
	console.error(error.stack || String(error));
	process.exitCode = 1;
});
