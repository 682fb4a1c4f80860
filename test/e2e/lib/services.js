'use strict';
/**
 * Redis and PostgreSQL for the queue-mode suite, owned by the run: installed with apt-get when missing (Debian
 * packages `redis-server` and `postgresql`; CI runs as root), started on 127.0.0.1 on free ports with their data in
 * the run's temp folder, and stopped at the end. Nothing is registered as a system service and nothing listens
 * beyond loopback.
 */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const { freePort } = require('../../../scripts/lib/ports');

const which = (command) =>
	spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || undefined;

/** The newest PostgreSQL server binaries Debian's packages put under /usr/lib/postgresql/<major>/bin. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root)
		? fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'bin', 'postgres')))
		: [];
	majors.sort((a, b) => Number(b) - Number(a));
	if (majors.length) return path.join(root, majors[0], 'bin');
	const onPath = which('postgres');
	return onPath ? path.dirname(fs.realpathSync(onPath)) : undefined;
}

/**
 * apt-get install of whatever is missing. Debian starts a freshly installed service unless /usr/sbin/policy-rc.d
 * says no (exit 101: "action forbidden"), so one is put there for the install when the machine has none.
 */
function ensurePackages(log) {
	const missing = [];
	if (!which('redis-server')) missing.push('redis-server');
	if (!postgresBin()) missing.push('postgresql');
	if (!missing.length) return;
	if (process.getuid?.() !== 0)
		throw new Error(
			`${missing.join(' and ')} missing; install them (apt-get install ${missing.join(' ')}) or run as root`,
		);
	log(`installing ${missing.join(', ')} with apt-get`);
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = !fs.existsSync(policy);
	if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
	try {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const install = () =>
			spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
				env,
				stdio: ['ignore', 'inherit', 'inherit'],
			});
		if (install().status !== 0) {
			execFileSync('apt-get', ['update'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
			if (install().status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed`);
		}
	} finally {
		if (ownPolicy) fs.rmSync(policy, { force: true });
	}
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port, or rejects after timeoutMs. */
async function waitForPort(port, { timeoutMs, exited, what, log }) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exited()) throw new Error(`${what} exited during start-up:\n${log().slice(-2000)}`);
		const open = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => socket.end(() => resolve(true)));
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(
		`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs / 1000} s:\n${log().slice(-2000)}`,
	);
}

/** Spawns a long-running service, keeping its output; stop() sends SIGTERM, then SIGKILL after 10 s. */
function spawnService(command, args, options) {
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout.on('data', (c) => (log += c));
	child.stderr.on('data', (c) => (log += c));
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	};
	return {
		child,
		stop,
		log: () => log,
		exited: () => child.exitCode !== null || child.signalCode !== null,
	};
}

/** redis-server on 127.0.0.1:<free port>, no persistence, its working folder inside `dir`. */
async function startRedis(dir) {
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const bin = which('redis-server');
	const service = spawnService(
		bin,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--protected-mode',
			'yes',
		],
		{ cwd: dir },
	);
	await waitForPort(port, {
		timeoutMs: 20_000,
		exited: service.exited,
		what: 'redis-server',
		log: service.log,
	});
	return { host: '127.0.0.1', port, stop: service.stop, log: service.log };
}

/**
 * A throw-away PostgreSQL cluster in `dir`: initdb, then `postgres` on 127.0.0.1:<free port> with its socket in
 * `dir` too. PostgreSQL refuses to run as root, so under root the cluster belongs to the `postgres` user the
 * Debian package creates (or `nobody`).
 */
async function startPostgres(dir, { user = 'n8n', password = 'n8n-queue-e2e' } = {}) {
	const bin = postgresBin();
	const data = path.join(dir, 'data');
	fs.mkdirSync(data, { recursive: true });
	const asRoot = process.getuid?.() === 0;
	const owner = asRoot
		? spawnSync('id', ['-u', 'postgres']).status === 0
			? 'postgres'
			: 'nobody'
		: undefined;
	if (owner) execFileSync('chown', ['-R', owner, dir]);
	// `runuser` (util-linux) runs a command as another user without a login shell or a password.
	const as = (command, args) =>
		owner ? ['runuser', ['-u', owner, '--', command, ...args]] : [command, args];
	const pwfile = path.join(dir, 'pwfile');
	fs.writeFileSync(pwfile, `${password}\n`);
	if (owner) execFileSync('chown', [owner, pwfile]);
	const [initCmd, initArgs] = as(path.join(bin, 'initdb'), [
		'-D',
		data,
		'-U',
		user,
		`--pwfile=${pwfile}`,
		'-A',
		'scram-sha-256',
		'-E',
		'UTF8',
		'--locale=C',
	]);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
	if (init.status !== 0)
		throw new Error(`initdb failed (exit ${init.status}):\n${init.stdout}${init.stderr}`);
	const port = await freePort();
	const [cmd, args] = as(path.join(bin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-h',
		'127.0.0.1',
		'-k',
		dir,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=100',
	]);
	const service = spawnService(cmd, args, { cwd: dir });
	await waitForPort(port, {
		timeoutMs: 30_000,
		exited: service.exited,
		what: 'postgres',
		log: service.log,
	});
	// n8n uses the `postgres` database initdb makes: the cluster exists for this run only.
	return {
		host: '127.0.0.1',
		port,
		user,
		password,
		database: 'postgres',
		stop: service.stop,
		log: service.log,
	};
}

module.exports = { ensurePackages, startRedis, startPostgres, spawnService, freePort };
