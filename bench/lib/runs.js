'use strict';
/**
 * How the bench runs a workflow and what it reads back:
 *   - fresh: `n8n execute --rawOutput`, a new n8n process per run; the node's `executionTime` from the run data and
 *     the process's peak RSS (getrusage, written at exit by peak-rss.js);
 *   - warm: one long-running `n8n start`, workflows started by their webhook; the node's `executionTime` from the saved
 *     execution (read from n8n's database file, then deleted through the REST API), the webhook call's wall time, and
 *     the server's peak RSS during the run (/proc/<pid>/clear_refs resets the peak, VmHWM reads it; Linux);
 *   - replay: bench/replay.js, bare Node https without n8n, sending recorded requests one after another.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile, spawnSync } = require('node:child_process');
const { promisify } = require('node:util');

const E2E = path.join(__dirname, '..', '..', 'test', 'e2e');
const { n8n, parseRun, runView, startServer, ownerSession } = require(
	path.join(E2E, 'lib', 'n8n-cli'),
);
const { liveHelpers } = require(path.join(E2E, 'lib', 'live'));

/** The failure of a node's task, or of the run. */
function taskError(run, view, nodeName) {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[0];
	if (task?.error)
		return `${task.error.message}${task.error.description ? ` (${task.error.description})` : ''}`;
	return view?.error?.message;
}

/** What one run of a workflow gave: the node's items and time, or why there is none. */
function readRun(run, nodeName) {
	const view = runView(run);
	const task = run.data.resultData.runData?.[nodeName]?.[0];
	return {
		items: view.items(nodeName),
		errorItems: view.errorItems(nodeName),
		executionMs: task?.executionTime,
		error: taskError(run, view, nodeName),
	};
}

/** Runs one workflow with `n8n execute --rawOutput` in a fresh n8n process. */
async function executeFresh(rt, env, wf, nodeName, { timeoutMs = 600_000, keep } = {}) {
	const rssDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-suite-rss-'));
	const t0 = Date.now();
	const out = await n8n(
		rt,
		['execute', `--id=${wf.id}`, '--rawOutput'],
		{
			...env,
			NODE_OPTIONS:
				`${env.NODE_OPTIONS ?? ''} --require=${require.resolve('./peak-rss.js')}`.trim(),
			CONTACT_SUITE_BENCH_RSS_DIR: rssDir,
		},
		{ timeoutMs },
	);
	const cliMs = Date.now() - t0;
	let peakRssKb;
	try {
		peakRssKb = JSON.parse(fs.readFileSync(path.join(rssDir, `${out.pid}.json`), 'utf8')).maxRssKb;
	} catch {
		peakRssKb = undefined;
	}
	fs.rmSync(rssDir, { recursive: true, force: true });
	if (keep) fs.writeFileSync(path.join(os.tmpdir(), `bench-${wf.id}.out`), out.stdout + out.stderr);
	const run = parseRun(out.stdout);
	if (!run)
		return {
			error: `no run printed (exit ${out.code}, ${out.stdout.length} chars): ${(out.stdout + out.stderr).trim().split('\n').slice(-5).join(' | ')}`,
			cliMs,
			peakRssKb,
		};
	return { ...readRun(run, nodeName), cliMs, peakRssKb };
}

/** Runs bench/replay.js in its own process (asynchronously: the fakes answer from this one). */
async function replay(rt, job) {
	const file = path.join(os.tmpdir(), `contact-suite-replay-${process.pid}.json`);
	fs.writeFileSync(file, JSON.stringify(job));
	try {
		const { stdout } = await promisify(execFile)(
			rt.nodeBin,
			[path.join(__dirname, '..', 'replay.js'), file],
			{ timeout: 900_000, maxBuffer: 1 << 20 },
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

const statusOf = (pid) => fs.readFileSync(`/proc/${pid}/status`, 'utf8');
const kb = (status, field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);

/** One saved execution's run data, read from n8n's database by bench/read-execution.js (not through the server). */
async function savedRun(rt, env, executionId) {
	const file = path.join(os.tmpdir(), `contact-suite-execution-${process.pid}-${executionId}.json`);
	try {
		await promisify(execFile)(
			rt.nodeBin,
			[
				path.join(__dirname, '..', 'read-execution.js'),
				path.join(rt.dir, 'node_modules', 'n8n'),
				path.join(env.N8N_USER_FOLDER, '.n8n', 'database.sqlite'),
				String(executionId),
				file,
			],
			{ timeout: 120_000 },
		);
		// n8n's own copy of flatted: the format it stores run data in.
		const flatted = require(
			require.resolve('flatted', { paths: [path.join(rt.dir, 'node_modules', 'n8n')] }),
		);
		return { data: flatted.parse(fs.readFileSync(file, 'utf8')) };
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/**
 * One long-running `n8n start` with the given workflows activated (each must start with the bench's webhook trigger).
 * `run(wf, nodeName)` calls the workflow's webhook, waits for the answer (sent when the last node finished), and reads
 * the node's items and time from the saved execution (from the database file, not through the server), which it then
 * deletes (the database stays small).
 */
async function startWarm(rt, env, port, workflows) {
	const server = await startServer(rt, env, port);
	try {
		const session = await ownerSession(server.base);
		const live = liveHelpers({ session, base: server.base, rt });
		for (const wf of workflows) await live.activate(wf.id);

		async function run(wf, nodeName) {
			const webhookPath = wf.nodes[0].parameters.path;
			// The peak RSS from here: Linux resets VmHWM to the current RSS when 5 is written to clear_refs.
			fs.writeFileSync(`/proc/${server.pid}/clear_refs`, '5');
			const before = kb(statusOf(server.pid), 'VmRSS');
			const t0 = Date.now();
			// Registered a moment after activation: the first call may still meet a 404.
			const answer = await live
				.waitForWebhook(webhookPath, { method: 'POST' }, 10_000)
				.catch((error) => ({ status: 404, text: error.message }));
			const wallMs = Date.now() - t0;
			const peakRssKb = kb(statusOf(server.pid), 'VmHWM');
			const [execution] = await live.waitForExecutions(wf.id, 1, 60_000);
			if (!execution)
				return {
					error: `no execution saved (webhook answered ${answer.status} ${answer.text.slice(0, 200)})`,
					wallMs,
					peakRssKb,
					baseRssKb: before,
				};
			const saved = await savedRun(rt, env, execution.id).catch((error) => ({ error }));
			await session.request('POST', '/rest/executions/delete', { ids: [execution.id] });
			if (saved.error) return { error: saved.error.message, wallMs, peakRssKb, baseRssKb: before };
			return {
				...readRun(saved, nodeName),
				wallMs,
				peakRssKb,
				baseRssKb: before,
			};
		}
		return { run, stop: server.stop };
	} catch (error) {
		await server.stop();
		throw error;
	}
}

/** Milliseconds to require every node and credential from dist in a fresh process, median of 5. */
function requireTime(rt, repo, pkg) {
	const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((f) => path.join(repo, f));
	const script = `const t=process.hrtime.bigint();for(const f of ${JSON.stringify(files)})require(f);console.log(Number(process.hrtime.bigint()-t)/1e6)`;
	const times = [];
	for (let i = 0; i < 5; i++) {
		const r = spawnSync(rt.nodeBin, ['-e', script], { cwd: repo, encoding: 'utf8' });
		if (r.status !== 0) return { error: r.stderr.trim().split('\n').slice(0, 3).join(' ') };
		times.push(Number(r.stdout.trim()));
	}
	times.sort((a, b) => a - b);
	return { medianMs: times[2], files: files.length };
}

module.exports = { executeFresh, replay, startWarm, requireTime };
