'use strict';
/**
 * The set-up the end-to-end suites (test/e2e/run.js, test/e2e/queue.js) and the bench (bench/run.js) share, in the
 * order they use it:
 *
 *   loadVendors(...)      the vendor folders of test/e2e/vendors whose node is in nodes/
 *   build(...)            npm run build (unless skipped)
 *   installPackage(...)   the pinned n8n, a fresh work folder, this package packed and installed into its user folder
 *   startFakes(...)       the fake vendors on one HTTPS server (one slot per vendor, its fake swappable between runs)
 *   n8nEnvironment(...)   the environment an n8n process needs: the user folder, the fakes' hosts, a port, sqlite
 *   importIntoN8n(...)    credentials and workflows imported with `n8n import:*`
 *   removeWork(...)       the work folder removed (or kept)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { ensureN8n, n8nEnv } = require('../../../scripts/lib/n8n-runtime');
const { packPackage, installIntoUserFolder } = require('../../../scripts/lib/package-install');
const { makeCertificates } = require('./tls');
const { startFakeHosts, fakeHostsEnv } = require('./fake-hosts');
const { n8n, freePort } = require('./n8n-cli');

const REPO = path.resolve(__dirname, '..', '..', '..');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

/**
 * The vendor folders under test/e2e/vendors (each `index.js`: see vendors/README.md), only those named in `only` if
 * any, and only those whose node is in nodes/ (`say` tells which were skipped for that).
 */
function loadVendors({ only = [], say = () => {} } = {}) {
	const dir = path.join(REPO, 'test', 'e2e', 'vendors');
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'index.js')))
		.filter((e) => !only.length || only.includes(e.name))
		.map((e) => ({ folder: e.name, ...require(path.join(dir, e.name, 'index.js')) }))
		.filter((v) => {
			const present = fs.existsSync(path.join(REPO, v.source));
			if (!present) say(`${v.name}: no ${v.source} yet, skipped`);
			return present;
		});
}

/** `npm run build` in the repository; returns its exit status (0 when skipped). */
function build({ skip, say }) {
	if (skip) return 0;
	// From an empty dist, as `npm publish` builds (prepublishOnly): no file of an earlier layout is packed.
	say('npm run clean && npm run build');
	const cleaned = spawnSync('npm', ['run', '--silent', 'clean'], { cwd: REPO, stdio: 'inherit' });
	if (cleaned.status !== 0) return cleaned.status;
	return spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, stdio: 'inherit' }).status;
}

/**
 * The pinned n8n (installed on first use), a fresh work folder `contact-suite-<name>-*` in the system's temp folder,
 * and this package packed (`npm pack`) and installed where n8n loads community packages in the work folder's user folder.
 */
async function installPackage({ name, say }) {
	const rt = await ensureN8n({ log: say });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), `contact-suite-${name}-`));
	const userFolder = path.join(work, 'user');
	const { tarball, files } = packPackage(REPO, path.join(work, 'pack'));
	const installed = installIntoUserFolder(userFolder, tarball, PACKAGE.name);
	return { rt, work, userFolder, tarball, files, installed };
}

/**
 * One HTTPS server for every fake vendor host of `slots` (`{ hosts, fake }` each; a slot's `fake` may be swapped
 * between runs), with a test CA made for those hosts.
 */
async function startFakes({ work, slots }) {
	const hosts = [...new Set(slots.flatMap((s) => s.hosts))];
	const tls = makeCertificates(path.join(work, 'tls'), hosts);
	const fakes = await startFakeHosts({ tls, fakes: slots });
	return { fakes, tls, hosts };
}

/** The environment of every n8n process of a run: its user folder, the fakes' hosts only, its own ports, sqlite. */
async function n8nEnvironment({ rt, userFolder, fakes, tls, hosts, encryptionKey, extra = {} }) {
	const port = await freePort();
	const env = n8nEnv(rt, userFolder, {
		...fakeHostsEnv({ hosts, address: fakes.address, caFile: tls.caFile }),
		N8N_ENCRYPTION_KEY: encryptionKey,
		// --rawOutput prints the run through n8n's logger: at 'warn' nothing is printed.
		N8N_LOG_LEVEL: 'info',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		DB_TYPE: 'sqlite',
		...extra,
	});
	return { env, port };
}

/** `n8n import:credentials` and `n8n import:workflow` of the given definitions (files in the work folder). */
async function importIntoN8n({ rt, env, work, credentials, workflows }) {
	for (const [what, list] of [
		['credentials', credentials],
		['workflow', workflows],
	]) {
		const file = path.join(work, `${what}.json`);
		fs.writeFileSync(file, JSON.stringify(list, null, 2));
		const out = await n8n(rt, [`import:${what}`, `--input=${file}`], env);
		if (out.code !== 0)
			throw new Error(
				`n8n import:${what} failed (exit ${out.code}):\n${(out.stdout + out.stderr).slice(-3000)}`,
			);
	}
}

function removeWork({ work, keep, say }) {
	if (keep) say(`kept ${work}`);
	else fs.rmSync(work, { recursive: true, force: true });
}

module.exports = {
	REPO,
	PACKAGE,
	loadVendors,
	build,
	installPackage,
	startFakes,
	n8nEnvironment,
	importIntoN8n,
	removeWork,
};
