#!/usr/bin/env node
'use strict';
/**
 * Queue mode end to end (`npm run test:e2e:queue`): the pinned n8n as one main and two `n8n worker` processes, on
 * Redis and PostgreSQL started by this script (lib/services.js), with this package installed the way n8n documents
 * for n8n >= 2.21 (docs.n8n.io/integrations/community-nodes/installation-and-management/environment-variable-installation):
 *   - the main gets N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV=true and N8N_COMMUNITY_PACKAGES=[{ name, version }] and
 *     installs the package from the npm registry at start-up (it records it in the database);
 *   - each worker gets N8N_REINSTALL_MISSING_PACKAGES=true and installs what the database lists at its start-up
 *     (n8n-io/n8n packages/cli/src/modules/community-packages/community-packages.service.ts, checkForMissingPackages;
 *     a package installed later reaches running workers through the `community-package-install` pub/sub command).
 * The package is not published, so https://registry.npmjs.org is a fake (fakes/npm-registry.js) serving the tarball
 * `npm pack` made of this repo, reached through the same DNS preload and test CA as the vendor fakes.
 *
 * Checked:
 *   1. main and both workers installed the package from the registry;
 *   2. one workflow per node (each vendor's first workflow, its Manual Trigger swapped for a Webhook) called through
 *      the main's webhook, run by a worker (the worker's log names the execution), outputs as in the e2e suite;
 *   3. limits across executions: three executions at once, each 200 ChartMogul creates, on both workers, against a
 *      fake answering 429 (Retry-After: 1) above 40 requests/s: 600 contacts, 0 duplicates, 0 failed items; the
 *      number of 429s is printed.
 *
 *   npm run test:e2e:queue
 *   npm run test:e2e:queue -- --break=worker-package   self-check: workers without the package (must fail)
 *   npm run test:e2e:queue -- --keep                    keep the temp folder (logs of every process in it)
 * Env: CONTACT_SUITE_E2E_SKIP_BUILD=1 uses the dist/ already built.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n, n8nEnv } = require('../../scripts/lib/n8n-runtime');
const { packPackage } = require('../../scripts/lib/package-install');
const { fakeHostsEnv } = require('./lib/fake-hosts');
const { runView, freePort, startServer, ownerSession } = require('./lib/n8n-cli');
const { checkNode } = require('./lib/expect');
const { liveHelpers } = require('./lib/live');
const { ensurePackages, startRedis, startPostgres, spawnService } = require('./lib/services');
const { withRateLimit } = require('./lib/rate-limit');
const setup = require('./lib/setup');
const { createNpmRegistryFake } = require('./fakes/npm-registry');
const { createChartMogulFake } = require('./fakes/chartmogul');

const { REPO, PACKAGE } = setup;
const WORKERS = 2;
/** Jobs each worker runs at once: with 2, three executions at once cannot all land on one worker. */
const CONCURRENCY = 2;
const LIMIT_RUNS = 3;
const LIMIT_ITEMS = 200;
const LIMIT_PER_SECOND = 40;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;
const say = (message) => console.log(`[queue ${elapsed()}] ${message}`);
const results = [];
function record(name, problems, durationMs) {
	results.push({ name, problems });
	const time = durationMs === undefined ? '' : ` (${(durationMs / 1000).toFixed(1)} s)`;
	console.log(`  ${problems.length ? '✗' : '✓'} ${name}${time}`);
	for (const p of problems) console.log(`      ${String(p).split('\n').join('\n      ')}`);
}

/** The workflow with its Manual Trigger replaced by a Webhook (same node name, so connections stay), active. */
function asWebhookWorkflow(definition) {
	const webhookPath = `queue-${definition.id.toLowerCase()}`;
	const nodes = definition.nodes.map((node) =>
		node.type === 'n8n-nodes-base.manualTrigger'
			? {
					...node,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: crypto.randomUUID(),
					parameters: {
						httpMethod: 'POST',
						path: webhookPath,
						responseMode: 'onReceived',
						options: {},
					},
				}
			: node,
	);
	if (!nodes.some((n) => n.type === 'n8n-nodes-base.webhook'))
		throw new Error(`${definition.name}: no Manual Trigger to start it from`);
	return { ...definition, nodes, active: false, webhookPath };
}

/** 200 ChartMogul contact creates, started by a webhook whose body names the batch (so every e-mail is unique). */
function limitWorkflow(chartMogul) {
	const credential = chartMogul.credentials[0];
	const node = (name, type, typeVersion, parameters, extra = {}) => ({
		id: crypto.randomUUID(),
		name,
		type,
		typeVersion,
		parameters,
		position: [0, 0],
		...extra,
	});
	const webhookPath = 'queue-limits';
	return {
		id: 'queueLimits00001',
		name: 'queue: 200 ChartMogul creates',
		active: false,
		webhookPath,
		settings: { executionOrder: 'v1' },
		nodes: [
			node(
				'Webhook',
				'n8n-nodes-base.webhook',
				2,
				{ httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
				{ webhookId: crypto.randomUUID() },
			),
			node('Make contacts', 'n8n-nodes-base.code', 2, {
				jsCode: `const batch = $input.first().json.body.batch;\nreturn Array.from({ length: ${LIMIT_ITEMS} }, (_, i) => ({ json: { email: 'queue-' + batch + '-' + (i + 1) + '@example.org' } }));`,
			}),
			node(
				'Create contacts',
				chartMogul.nodeType,
				1,
				{
					resource: 'contact',
					operation: 'create',
					customerUuid: 'cus_e2e-0001',
					dataSourceUuid: { __rl: true, mode: 'id', value: 'ds_e2e-0001' },
					additionalFields: { email: '={{ $json.email }}' },
				},
				{ credentials: { [credential.type]: { id: credential.id, name: credential.name } } },
			),
		],
		connections: {
			Webhook: { main: [[{ node: 'Make contacts', type: 'main', index: 0 }]] },
			'Make contacts': { main: [[{ node: 'Create contacts', type: 'main', index: 0 }]] },
		},
	};
}

/** An n8n process's output with the time each line arrived, for "which worker ran what, and when". */
function lineClock(service) {
	const lines = [];
	let partial = '';
	const onData = (chunk) => {
		const parts = (partial + chunk).split('\n');
		partial = parts.pop();
		for (const text of parts) lines.push({ at: Date.now(), text });
	};
	service.child.stdout.on('data', onData);
	service.child.stderr.on('data', onData);
	return lines;
}

async function startWorker(rt, env, name, healthPort) {
	const service = spawnService(rt.nodeBin, [rt.n8nBin, 'worker', `--concurrency=${CONCURRENCY}`], {
		env,
	});
	const lines = lineClock(service);
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (service.exited())
			throw new Error(`${name} exited during start-up:\n${service.log().slice(-3000)}`);
		if (/n8n worker is now ready/.test(service.log())) {
			try {
				const res = await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`);
				if (res.ok) return { name, ...service, lines };
			} catch {
				// not listening yet
			}
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	await service.stop();
	throw new Error(`${name} was not ready within 180 s:\n${service.log().slice(-3000)}`);
}

/** Executions a worker's log says it started: `Worker started execution <id> (job <n>)` (scaling/job-processor.ts). */
function executionsStarted(worker) {
	return worker.lines.flatMap((l) => {
		const m = /Worker started execution (\S+) \(job/.exec(l.text);
		return m ? [{ id: m[1], at: l.at, worker: worker.name }] : [];
	});
}
function executionsFinished(worker) {
	return worker.lines.flatMap((l) => {
		const m = /Worker finished execution (\S+) \(job/.exec(l.text);
		return m ? [{ id: m[1], at: l.at, worker: worker.name }] : [];
	});
}

/**
 * Starts a workflow through its webhook on the main (which answers at once: `responseMode: onReceived`). A 404 is
 * asked again for up to 10 s: right after an activation the main's webhook lookup can still miss it (seen once:
 * "not registered for POST requests. Did you mean to make a POST request?").
 */
async function callWebhook(live, webhookPath, body = {}) {
	const call = {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	};
	return await live
		.waitForWebhook(webhookPath, call, 10_000)
		.catch((error) => ({ status: 404, text: error.message }));
}

/** Waits until the workflow has `count` finished executions; fails naming those it has. */
async function finishedExecutions(live, workflowId, count, { timeoutMs = 300_000 } = {}) {
	const list = await live.waitForExecutions(workflowId, count, timeoutMs);
	if (list.length >= count) return list;
	const all = await live.listExecutions(workflowId);
	throw new Error(
		`workflow ${workflowId}: ${list.length} of ${count} execution(s) finished in time (${all.map((e) => `${e.id} ${e.status}`).join(', ')})`,
	);
}

async function main() {
	const breakWhat = process.argv.find((a) => a.startsWith('--break='))?.slice('--break='.length);
	if (breakWhat && breakWhat !== 'worker-package')
		throw new Error(`unknown --break=${breakWhat} (worker-package)`);
	const keep = process.argv.includes('--keep');
	const vendors = setup.loadVendors();
	if (!vendors.length)
		throw new Error('no vendor folder under test/e2e/vendors has its node in nodes/');
	say(`vendors: ${vendors.map((v) => v.name).join(', ')}`);

	const built = setup.build({ skip: process.env.CONTACT_SUITE_E2E_SKIP_BUILD === '1', say });
	if (built !== 0) throw new Error(`the build failed (exit ${built})`);
	const rt = await ensureN8n({ log: say });
	ensurePackages(say);

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-suite-queue-'));
	// PostgreSQL runs as its own user (lib/services.js) and must be able to reach its folder inside this one.
	fs.chmodSync(work, 0o711);
	const stops = [];
	const stopAll = async () => {
		for (const stop of stops.reverse()) await stop().catch(() => {});
		stops.length = 0;
	};
	process.once('SIGINT', () => {
		void stopAll().finally(() => {
			if (!keep) fs.rmSync(work, { recursive: true, force: true });
			process.exit(130);
		});
	});
	const processes = {};
	try {
		const { tarball } = packPackage(REPO, path.join(work, 'pack'));
		say(`packed ${path.basename(tarball)}`);
		const registry = createNpmRegistryFake({ tarball, manifest: PACKAGE });
		const chartMogul = vendors.find((v) => v.folder === 'chartmogul');

		const active = [
			...vendors.map((v) => ({ vendor: v, hosts: v.hosts, fake: v.createFake() })),
			{ hosts: ['registry.npmjs.org'], fake: registry },
		];
		const { fakes, tls, hosts } = await setup.startFakes({ work, slots: active });
		stops.push(() => fakes.close());
		say(`fakes on ${fakes.address}:${fakes.port} for ${hosts.join(', ')}`);

		const [redis, postgres] = await Promise.all([
			startRedis(path.join(work, 'redis')),
			startPostgres(path.join(work, 'postgres')),
		]);
		stops.push(redis.stop, postgres.stop);
		say(
			`redis on 127.0.0.1:${redis.port}, postgres on 127.0.0.1:${postgres.port} (data in ${work})`,
		);

		const common = {
			...fakeHostsEnv({ hosts, address: fakes.address, caFile: tls.caFile }),
			// npm (run by n8n to install the package) gets its own cache, so a tarball cached by an earlier run is never reused.
			npm_config_cache: path.join(work, 'npm-cache'),
			N8N_ENCRYPTION_KEY: 'contact-suite-queue-encryption-key',
			N8N_LOG_LEVEL: 'info',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		};
		const mainPort = await freePort();
		const mainEnv = n8nEnv(rt, path.join(work, 'main'), {
			...common,
			N8N_PORT: String(mainPort),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV: 'true',
			N8N_COMMUNITY_PACKAGES: JSON.stringify([{ name: PACKAGE.name, version: PACKAGE.version }]),
		});

		// Credentials and workflows go into the shared database while the workers start (after the main: it creates
		// the tables); the workflows are activated through the main (activating needs the node types, which an
		// import CLI without the package does not have).
		const runs = vendors.map((vendor) => {
			// The vendor's first workflow that starts with a Manual Trigger and uses its own node (Quentn has one for
			// n8n's HTTP Request node too).
			const candidates = vendor.workflows.map((spec) => ({
				spec,
				definition: JSON.parse(fs.readFileSync(spec.file, 'utf8')),
			}));
			const uses = (c, type) => c.definition.nodes.some((n) => n.type === type);
			const { spec, definition } =
				candidates.find(
					(c) => uses(c, vendor.nodeType) && uses(c, 'n8n-nodes-base.manualTrigger'),
				) ?? candidates[0];
			return { vendor, spec, definition: asWebhookWorkflow(definition) };
		});
		const limits = chartMogul ? limitWorkflow(chartMogul) : undefined;
		const importAll = async () => {
			await setup.importIntoN8n({
				rt,
				env: mainEnv,
				work,
				credentials: vendors.flatMap((v) => v.credentials),
				workflows: [...runs.map((r) => r.definition), ...(limits ? [limits] : [])].map((w) => ({
					...w,
					webhookPath: undefined,
				})),
			});
			say('imported credentials and workflows');
		};

		say('starting the main (installs the package from N8N_COMMUNITY_PACKAGES)');
		const t0 = Date.now();
		const server = await startServer(rt, mainEnv, mainPort);
		stops.push(server.stop);
		processes.main = server;
		const afterMain = registry.state.tarballs.served;
		say(`main ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

		say(
			`starting ${WORKERS} workers${breakWhat ? ' WITHOUT the package (--break=worker-package)' : ''}`,
		);
		const [workers] = await Promise.all([
			Promise.all(
				Array.from({ length: WORKERS }, async (_, i) => {
					const healthPort = await freePort();
					const env = n8nEnv(rt, path.join(work, `worker${i + 1}`), {
						...common,
						N8N_RUNNERS_BROKER_PORT: String(await freePort()),
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
						N8N_REINSTALL_MISSING_PACKAGES: breakWhat === 'worker-package' ? 'false' : 'true',
					});
					const worker = await startWorker(rt, env, `worker${i + 1}`, healthPort);
					stops.push(worker.stop);
					processes[worker.name] = worker;
					return worker;
				}),
			),
			importAll(),
		]);
		say(
			`workers ready, credentials and workflows imported, ${((Date.now() - t0) / 1000).toFixed(0)} s after the main started`,
		);
		const installed = (log) =>
			/Community package installed: n8n-nodes-contact-suite|Packages reinstalled successfully/.test(
				log,
			);
		record(
			`the package is installed from the registry by the main (N8N_COMMUNITY_PACKAGES) and by each worker (N8N_REINSTALL_MISSING_PACKAGES)`,
			[
				...(afterMain >= 1 && installed(server.log())
					? []
					: [
							`the main did not install ${PACKAGE.name} (${afterMain} tarball downloads):\n${server
								.log()
								.split('\n')
								.filter((l) => /communit|package/i.test(l))
								.slice(-8)
								.join('\n')}`,
						]),
				...workers
					.filter((w) => !installed(w.log()))
					.map(
						(w) =>
							`${w.name} did not install the package:\n${w
								.log()
								.split('\n')
								.filter((l) => /communit|package|missing/i.test(l))
								.slice(-8)
								.join('\n')}`,
					),
			],
		);
		say(`registry served the tarball ${registry.state.tarballs.served} time(s)`);

		const live = liveHelpers({ session: await ownerSession(server.base), base: server.base, rt });
		for (const workflow of [...runs.map((r) => r.definition), ...(limits ? [limits] : [])])
			await live.activate(workflow.id);
		say('workflows activated through the main');

		// 2. One workflow per node, all at once, through the main's webhooks.
		const before = new Map(active.map((a) => [a.fake, a.fake.requests.length]));
		const runOne = async ({ vendor, spec, definition }) => {
			const t1 = Date.now();
			const fake = active.find((a) => a.vendor === vendor).fake;
			const answer = await callWebhook(live, definition.webhookPath);
			const executions =
				answer.status === 200
					? await finishedExecutions(live, definition.id, 1).catch((error) => error)
					: [];
			return { vendor, spec, definition, fake, answer, executions, ms: Date.now() - t1 };
		};
		const done = await Promise.all(runs.map(runOne));
		const started = workers.flatMap(executionsStarted);
		for (const { vendor, spec, definition, fake, answer, executions: found, ms } of done) {
			const problems = found instanceof Error ? [found.message] : [];
			const executions = found instanceof Error ? [] : found;
			const ids = executions.map((e) => String(e.id));
			const ranOn = started.filter((s) => ids.includes(s.id)).map((s) => s.worker);
			if (!executions.length)
				problems.push(
					`no execution recorded (webhook answered ${answer.status} ${answer.text.slice(0, 300)})`,
				);
			else if (!ranOn.length)
				problems.push(
					`execution ${ids.join(', ')} is in no worker's log (did the main run it itself?)`,
				);
			for (const e of executions) {
				const { execution, run } = await live.execution(e.id);
				const view = runView(run);
				if (execution.status !== 'success')
					problems.push(
						`execution ${e.id} ended "${execution.status}"${view.error ? `: ${view.error.message}` : ''}`,
					);
				problems.push(...view.nodeErrors());
				for (const [nodeName, expected] of Object.entries(spec.outputs ?? {}))
					problems.push(...checkNode(view, nodeName, expected));
				for (const [nodeName, expected] of Object.entries(spec.errorOutputs ?? {}))
					problems.push(...checkNode(view, nodeName, expected, 'errorItems'));
				if (spec.after)
					problems.push(
						...spec.after({ fake, requests: fake.requests.slice(before.get(fake)), run: view }),
					);
			}
			record(
				`${vendor.name} › ${definition.name} (webhook on the main, run on ${ranOn.join(', ') || 'no worker'})`,
				[...new Set(problems)].slice(0, 12),
				ms,
			);
		}
		const perWorker = workers.map((w) => `${w.name}: ${executionsStarted(w).length}`).join(', ');
		say(`executions per worker so far: ${perWorker}`);

		// 3. Limits across executions.
		if (limits) {
			const entry = active.find((a) => a.vendor === chartMogul);
			const limited = withRateLimit(
				createChartMogulFake({ apiKey: chartMogul.credentials[0].data.apiKey }),
				{ perSecond: LIMIT_PER_SECOND, retryAfterSeconds: 1 },
			);
			entry.fake = limited;
			const seen = new Set(workers.flatMap(executionsStarted).map((s) => s.id));
			const t2 = Date.now();
			const answers = await Promise.all(
				Array.from({ length: LIMIT_RUNS }, (_, i) =>
					callWebhook(live, limits.webhookPath, { batch: i + 1 }),
				),
			);
			const problems = answers
				.filter((a) => a.status !== 200)
				.map((a) => `webhook answered ${a.status} ${a.text.slice(0, 300)}`);
			const executions = problems.length
				? []
				: (await finishedExecutions(live, limits.id, LIMIT_RUNS, { timeoutMs: 600_000 })).map((e) =>
						String(e.id),
					);
			const ms = Date.now() - t2;
			const startedNow = workers
				.flatMap(executionsStarted)
				.filter((s) => !seen.has(s.id) && executions.includes(s.id));
			const finishedNow = workers
				.flatMap(executionsFinished)
				.filter((s) => executions.includes(s.id));
			if (executions.length !== LIMIT_RUNS)
				problems.push(
					`expected ${LIMIT_RUNS} executions, found ${executions.length} (webhooks answered ${answers.map((a) => a.status).join(', ')})`,
				);
			const byWorker = Object.fromEntries(
				workers.map((w) => [w.name, startedNow.filter((s) => s.worker === w.name).length]),
			);
			if (Object.values(byWorker).some((n) => n === 0))
				problems.push(`not spread over both workers: ${JSON.stringify(byWorker)}`);
			const lastStart = Math.max(...startedNow.map((s) => s.at));
			const firstFinish = Math.min(...finishedNow.map((s) => s.at));
			if (startedNow.length === LIMIT_RUNS && finishedNow.length && lastStart > firstFinish)
				problems.push(
					'the three executions did not all run at the same time (one finished before the last started)',
				);
			let failedItems = 0;
			let outputItems = 0;
			for (const id of executions) {
				const { execution, run } = await live.execution(id);
				const view = runView(run);
				if (execution.status !== 'success')
					problems.push(
						`execution ${id} ended "${execution.status}"${view.error ? `: ${view.error.message}` : ''}`,
					);
				const items = view.items('Create contacts');
				outputItems += items.length;
				failedItems += LIMIT_ITEMS - items.filter((item) => /^con_/.test(String(item.uuid))).length;
				problems.push(...view.nodeErrors());
			}
			const emails = [...limited.state.contacts.values()].map((c) => c.email);
			const duplicates = emails.length - new Set(emails).size;
			const expected = LIMIT_RUNS * LIMIT_ITEMS;
			if (emails.length !== expected)
				problems.push(`the fake holds ${emails.length} contacts, expected ${expected}`);
			if (duplicates) problems.push(`${duplicates} duplicate contact(s)`);
			if (failedItems) problems.push(`${failedItems} item(s) without a created contact`);
			if (outputItems !== expected)
				problems.push(`${outputItems} output items, expected ${expected}`);
			const { r429, accepted, maxPerSecond } = limited.stats;
			say(
				`limits: ${emails.length} contacts, ${duplicates} duplicates, ${failedItems} failed items, ${r429} × 429 answered, ${accepted} requests accepted, at most ${maxPerSecond} accepted in any second, executions per worker ${JSON.stringify(byWorker)}, ${(ms / 1000).toFixed(1)} s`,
			);
			record(
				`limits across executions: ${LIMIT_RUNS} × ${LIMIT_ITEMS} ChartMogul creates at once on ${WORKERS} workers, fake allowing ${LIMIT_PER_SECOND}/s: ${emails.length} contacts, ${duplicates} duplicates, ${failedItems} failed, ${r429} × 429`,
				problems.slice(0, 12),
				ms,
			);
		}
	} finally {
		await stopAll();
		if (keep) {
			for (const [name, p] of Object.entries(processes))
				fs.writeFileSync(path.join(work, `${name}.log`), p.log());
			say(`kept ${work}`);
		} else {
			fs.rmSync(work, { recursive: true, force: true });
		}
	}
}

main()
	.catch((error) => record('queue-mode setup', [error.stack || String(error)]))
	.finally(() => {
		const failed = results.filter((r) => r.problems.length).length;
		console.log(`\nqueue e2e finished in ${elapsed()}`);
		console.log(`${results.length - failed} passed, ${failed} failed`);
		process.exitCode = failed || !results.length ? 1 : 0;
	});
