'use strict';
/** Running the pinned n8n's command line and its server for the e2e suite. */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { freePort } = require('../../../scripts/lib/ports');

/**
 * With CONTACT_SUITE_N8N_CPU_PROF=<dir>, every `n8n` run writes a V8 CPU profile there (`node --cpu-prof`; NODE_OPTIONS
 * does not take it), to see where n8n's time goes in a bench or e2e run.
 */
function profileArgs() {
	const dir = process.env.CONTACT_SUITE_N8N_CPU_PROF;
	return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

/**
 * Runs `n8n <args>` to the end; resolves { code, stdout, stderr } (never rejects on a non-zero exit).
 * stdout goes to a file, not a pipe: n8n ends with process.exit(), and Node writes to a pipe asynchronously, so a
 * long output (a run of 10,000 items is megabytes) could be cut off; writes to a file are synchronous.
 */
function n8n(rt, args, env, { timeoutMs = 180_000 } = {}) {
	const outFile = path.join(
		os.tmpdir(),
		`contact-suite-n8n-${process.pid}-${crypto.randomUUID()}.out`,
	);
	const outFd = fs.openSync(outFile, 'w');
	return new Promise((resolve, reject) => {
		const child = spawn(rt.nodeBin, [...profileArgs(), rt.n8nBin, ...args], {
			env,
			stdio: ['ignore', outFd, 'pipe'],
		});
		fs.closeSync(outFd); // the child holds its own copy
		let stderr = '';
		child.stderr.on('data', (c) => (stderr += c));
		const timer = setTimeout(() => {
			stderr += `\n[e2e] n8n ${args[0]} timed out after ${timeoutMs / 1000} s\n`;
			child.kill('SIGKILL');
		}, timeoutMs);
		const stdout = () => {
			const text = fs.readFileSync(outFile, 'utf8');
			fs.rmSync(outFile, { force: true });
			return text;
		};
		child.on('error', (error) => {
			clearTimeout(timer);
			fs.rmSync(outFile, { force: true });
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout: stdout(), stderr });
		});
	});
}

/**
 * `n8n execute --rawOutput` prints the run (an IRun) as indented JSON among n8n's own log lines; on failure it
 * prints it after "Execution error:". The run is the top-level JSON object that has `data.resultData`.
 */
function parseRun(stdout) {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start] !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end] !== '}') continue;
			try {
				const value = JSON.parse(lines.slice(start, end + 1).join('\n'));
				if (value && value.data && value.data.resultData) return value;
			} catch {
				// not this closing brace; try the next
			}
		}
	}
	return undefined;
}

/** Read access to a run, by node name, as the editor shows it. */
function runView(run) {
	const runData = run?.data?.resultData?.runData ?? {};
	const output = (name, index) =>
		(runData[name] ?? []).flatMap((task) =>
			(task.data?.main?.[index] ?? []).map((item) => item.json),
		);
	return {
		raw: run,
		ran: (name) => Boolean(runData[name]?.length),
		items: (name) => output(name, 0),
		errorItems: (name) => output(name, 1),
		nodeErrors: () =>
			Object.entries(runData).flatMap(([name, tasks]) =>
				tasks
					.filter((t) => t.error)
					.map(
						(t) =>
							`${name}: ${t.error.message}${t.error.description ? ` (${t.error.description})` : ''}`,
					),
			),
		error: run?.data?.resultData?.error,
	};
}

/** Starts `n8n start` and waits until its REST API answers. */
async function startServer(rt, env, port, { timeoutMs = 180_000 } = {}) {
	const child = spawn(rt.nodeBin, [rt.n8nBin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout.on('data', (c) => (log += c));
	child.stderr.on('data', (c) => (log += c));
	const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
	const base = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const code = await Promise.race([
			exited,
			new Promise((r) => setTimeout(() => r(undefined), 500)),
		]);
		if (code !== undefined) throw new Error(`n8n start exited with ${code}:\n${log.slice(-3000)}`);
		// n8n answers some routes before it has registered all of them: wait for its own "ready" line too.
		if (!/Editor is now accessible/i.test(log)) continue;
		try {
			const res = await fetch(`${base}/rest/settings`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
	}
	if (Date.now() >= deadline) {
		child.kill('SIGKILL');
		throw new Error(`n8n start did not answer within ${timeoutMs / 1000} s:\n${log.slice(-3000)}`);
	}
	const stop = async () => {
		if (child.exitCode !== null) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
	};
	return { base, stop, log: () => log };
}

/** A logged-in REST client: sets up the instance owner of a fresh n8n and keeps its cookie. */
async function ownerSession(base) {
	const browserId = 'contact-suite-e2e';
	let cookie = '';
	const request = async (method, path, body) => {
		const res = await fetch(`${base}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': browserId,
				...(cookie ? { cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) cookie = auth.split(';')[0];
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, json, text, headers: res.headers };
	};
	const owner = { email: 'owner@contact-suite.test', password: 'E2e-Owner-Passw0rd' };
	const setup = await request('POST', '/rest/owner/setup', {
		...owner,
		firstName: 'E2E',
		lastName: 'Owner',
	});
	if (setup.status !== 200) {
		// n8n started again on the same user folder (another scheduler mode): the owner exists, log in.
		const login = await request('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		if (login.status !== 200)
			throw new Error(
				`owner setup failed: ${setup.status} ${setup.text.slice(0, 300)}; login: ${login.status} ${login.text.slice(0, 300)}`,
			);
	}
	return { request };
}

/**
 * The environment one workflow runs with: the suite's, plus the workflow's own `env` (an object, or a function of
 * the suite's environment, e.g. to read CONTACT_SUITE_E2E_ADDRESS), such as n8n settings it is about.
 */
function workflowEnv(env, workflow) {
	const own = typeof workflow.env === 'function' ? workflow.env(env) : workflow.env;
	return { ...env, ...own };
}

module.exports = { n8n, parseRun, runView, freePort, startServer, ownerSession, workflowEnv };
