'use strict';
/**
 * A pinned, real n8n for `npm start` and the e2e suite, installed once into a cache folder outside this
 * package's node_modules and reused afterwards.
 *
 * Two known-good pins (both installed on the project's machine, see README "Run it in n8n"):
 * - `2.41.1` (default): needs Node >= 24, so the Node binary comes from the npm registry into the same cache
 *   folder (package `node-<platform>-<arch>`); nothing global changes. Installed with --ignore-scripts, then only
 *   the native modules n8n needs are built (sqlite3, isolated-vm) against that Node.
 * - `2.8.4`: runs on the machine's Node 20; its `xlsx` dependency points at a tarball host that is not the npm
 *   registry, so it is overridden with the registry's `xlsx@0.18.5`.
 * Pick one with CONTACT_SUITE_N8N_VERSION=2.8.4; the cache root moves with CONTACT_SUITE_N8N_CACHE.
 *
 * The same cached, locked, marker-checked install gives a Node binary alone (`ensureNode`): the engine tests on
 * the newest n8n-core need Node 24 too (scripts/test-n8n-newest.js).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const PINS = {
	// mcp-registry: fetches a public MCP server list at start-up and prints a DNS stack trace when offline
	// (n8n packages/cli/src/modules/mcp-registry; a module name n8n does not know makes it refuse to start, hence per pin).
	'2.41.1': {
		node: '24.21.0',
		ignoreScripts: true,
		buildNative: ['sqlite3', 'isolated-vm'],
		disabledModules: ['mcp-registry'],
	},
	'2.8.4': { node: null, overrides: { xlsx: 'npm:xlsx@0.18.5' } },
};
const DEFAULT_VERSION = '2.41.1';

function selectedVersion() {
	const version = process.env.CONTACT_SUITE_N8N_VERSION || DEFAULT_VERSION;
	if (!PINS[version]) {
		throw new Error(
			`n8n ${version} is not one of the tested pins (${Object.keys(PINS).join(', ')})`,
		);
	}
	return version;
}

function cacheRoot() {
	if (process.env.CONTACT_SUITE_N8N_CACHE) return path.resolve(process.env.CONTACT_SUITE_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-contact-suite');
}

/** The npm registry's package with the Node binary for this machine (the `node` package's postinstall fetches it). */
const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;

/** A cache folder for one install: its npm manifest, the file that proves it done, where its log goes. */
function cachedInstall({ folder, title, version, dependencies, pin, entry }) {
	const dir = path.join(cacheRoot(), folder);
	return {
		title,
		version,
		pin,
		dir,
		dependencies,
		entry: entry(dir),
		marker: path.join(dir, '.installed'),
		log: path.join(dir, 'install.log'),
	};
}

const nodeBinIn = (dir) => path.join(dir, 'node_modules', NODE_PACKAGE, 'bin', 'node');

/** Where everything for one pinned version lives, and how to run it. */
function runtimeFor(version = selectedVersion()) {
	const pin = PINS[version];
	const n8nBin = (dir) => path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const rt = cachedInstall({
		folder: `n8n-${version}`,
		title: `n8n ${version}`,
		version,
		pin,
		dependencies: { n8n: version, ...(pin.node ? { [NODE_PACKAGE]: pin.node } : {}) },
		entry: n8nBin,
	});
	return {
		...rt,
		nodePackage: NODE_PACKAGE,
		nodeBin: pin.node ? nodeBinIn(rt.dir) : process.execPath,
		n8nBin: rt.entry,
	};
}

/** A Node binary of `version` from the npm registry, in its own cache folder (nothing global changes). */
function nodeRuntimeFor(version) {
	const rt = cachedInstall({
		folder: `node-${version}`,
		title: `Node ${version}`,
		version,
		pin: { node: version, ignoreScripts: true },
		dependencies: { [NODE_PACKAGE]: version },
		entry: nodeBinIn,
	});
	return { ...rt, nodePackage: NODE_PACKAGE, nodeBin: rt.entry };
}

function isInstalled(rt) {
	try {
		return fs.readFileSync(rt.marker, 'utf8').trim() === rt.version && fs.existsSync(rt.entry);
	} catch {
		return false;
	}
}

/** Environment for npm/node-gyp/n8n so that the pinned Node is the one found and built against. */
function runtimeEnv(rt, extra = {}) {
	const env = { ...process.env, ...extra };
	if (rt.pin.node) {
		const nodeDir = path.dirname(path.dirname(rt.nodeBin));
		env.PATH = `${path.dirname(rt.nodeBin)}${path.delimiter}${env.PATH}`;
		// The machine's ~/.npmrc may point node-gyp at the system Node's headers; the registry's Node ships its own.
		if (fs.existsSync(path.join(nodeDir, 'include', 'node'))) env.npm_config_nodedir = nodeDir;
	}
	env.npm_config_yes = 'true';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	env.npm_config_update_notifier = 'false';
	return env;
}

/** Runs a command, mirroring its output into a log file and printing a progress line now and then. */
function run(cmd, args, { cwd, env, logFile, label, quiet }) {
	return new Promise((resolve, reject) => {
		const log = fs.createWriteStream(logFile, { flags: 'a' });
		log.write(`\n$ ${cmd} ${args.join(' ')}\n`);
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const started = Date.now();
		let fetched = 0; // package tarballs, from the registry or npm's cache
		let manifests = 0;
		let lastLine = '';
		const onData = (chunk) => {
			log.write(chunk);
			const text = chunk.toString();
			fetched += (text.match(/http (?:fetch GET 200|cache) \S+\.tgz/g) || []).length;
			manifests += (text.match(/http fetch GET 200 \S+\/[^/\s]+ \d/g) || []).length;
			const lines = text.split('\n').filter(Boolean);
			if (lines.length) lastLine = lines[lines.length - 1];
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		let reported = -1;
		const timer = quiet
			? null
			: setInterval(() => {
					const secs = Math.round((Date.now() - started) / 1000);
					let what = lastLine.slice(0, 80);
					if (manifests && !fetched) what = `resolving dependencies (${manifests} looked up)`;
					if (fetched)
						what = `${fetched} packages fetched${fetched === reported ? ', unpacking' : ''}`;
					reported = fetched;
					process.stdout.write(`  ${label}: ${secs}s, ${what}\n`);
				}, 10_000);
		child.on('error', reject);
		child.on('close', (code) => {
			if (timer) clearInterval(timer);
			log.end();
			if (code === 0) resolve();
			else reject(new Error(`${label} failed (exit ${code}); see ${logFile}`));
		});
	});
}

/** Installs the pinned n8n unless the cache already has it. */
async function ensureN8n({ log = console.log } = {}) {
	return await ensureInstalled(runtimeFor(), log, 'about 5 minutes and 3 GB');
}

/**
 * A Node binary of `version`'s major or newer: this process's own when it is new enough, else `version` from the
 * npm registry, installed once into the cache (with --ignore-scripts, as for n8n 2.41.1).
 */
async function ensureNode(version, { log = console.log } = {}) {
	const major = (v) => Number(v.split('.')[0]);
	if (major(process.versions.node) >= major(version)) return process.execPath;
	const rt = await ensureInstalled(nodeRuntimeFor(version), log, 'about 100 MB');
	return rt.nodeBin;
}

/**
 * Installs a cached runtime unless the cache already has it. Safe to interrupt: the version marker is written
 * last, and an unfinished folder is wiped on the next try.
 */
async function ensureInstalled(rt, log, size) {
	if (isInstalled(rt)) {
		log(`${rt.title}: using the cached install in ${rt.dir}`);
		return rt;
	}
	const release = await lock(`${rt.dir}.lock`, log);
	try {
		if (isInstalled(rt)) return rt; // another process finished it while we waited
		await install(rt, log, size);
		return rt;
	} finally {
		release();
	}
}

/** One installer at a time per version (say `npm start` and `npm run test:e2e` started together). */
async function lock(file, log) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	for (let waited = 0; ; waited += 5) {
		try {
			fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
			return () => fs.rmSync(file, { force: true });
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const holder = Number(fs.readFileSync(file, 'utf8'));
			let alive = false;
			try {
				process.kill(holder, 0);
				alive = true;
			} catch {
				alive = false;
			}
			if (!alive) {
				fs.rmSync(file, { force: true });
				continue;
			}
			if (waited % 30 === 0)
				log(`  waiting for process ${holder}, which is installing n8n into the same cache`);
			await new Promise((resolve) => setTimeout(resolve, 5000));
		}
	}
}

async function install(rt, log, size) {
	log(`${rt.title}: installing into ${rt.dir} (first run only: ${size})`);
	fs.rmSync(rt.dir, { recursive: true, force: true });
	fs.mkdirSync(rt.dir, { recursive: true });
	const manifest = {
		name: 'contact-suite-n8n-runtime',
		private: true,
		dependencies: rt.dependencies,
	};
	if (rt.pin.overrides) manifest.overrides = rt.pin.overrides;
	fs.writeFileSync(path.join(rt.dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	// Keep the repo's or the user's npm settings (such as a lockfile-less install) from leaking in.
	fs.writeFileSync(path.join(rt.dir, '.npmrc'), 'package-lock=true\nfund=false\naudit=false\n');

	const started = Date.now();
	const env = runtimeEnv(rt);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const installArgs = ['install', '--no-audit', '--no-fund', '--loglevel=http'];
	if (rt.pin.ignoreScripts) installArgs.push('--ignore-scripts');
	await run(npm, installArgs, { cwd: rt.dir, env, logFile: rt.log, label: 'npm install' });
	for (const pkg of rt.pin.buildNative || []) {
		log(`  building ${pkg} for Node ${rt.pin.node}`);
		await run(npm, ['rebuild', pkg, '--foreground-scripts'], {
			cwd: rt.dir,
			env,
			logFile: rt.log,
			label: `build ${pkg}`,
		});
	}
	fs.writeFileSync(rt.marker, `${rt.version}\n`);
	log(`${rt.title}: installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * Environment n8n needs to run quietly and offline: no telemetry, version checks, template or MCP registry calls, and this
 * package's community nodes loaded from the user folder.
 */
function n8nEnv(rt, userFolder, extra = {}) {
	return runtimeEnv(rt, {
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		// Task runners are on by default since n8n 2.0; setting N8N_RUNNERS_ENABLED only earns a deprecation warning
		// (n8n packages/cli/src/deprecation/deprecation.service.ts).
		...(rt.pin.disabledModules ? { N8N_DISABLED_MODULES: rt.pin.disabledModules.join(',') } : {}),
		...extra,
	});
}

/** The folder where n8n loads community packages from, for a given N8N_USER_FOLDER. */
function communityNodesDir(userFolder) {
	return path.join(userFolder, '.n8n', 'nodes');
}

module.exports = {
	PINS,
	DEFAULT_VERSION,
	runtimeFor,
	ensureN8n,
	ensureNode,
	n8nEnv,
	communityNodesDir,
	run,
	selectedVersion,
};
