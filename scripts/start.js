#!/usr/bin/env node
'use strict';
/**
 * `npm start`: build this package, install a pinned n8n once (cached outside the repo), put the built package
 * where n8n loads community packages, and start n8n on localhost.
 *
 * Environment: N8N_USER_FOLDER (default <repo>/.n8n-dev), N8N_PORT (default: 5678, or the next free port when
 * another n8n holds it), N8N_RUNNERS_BROKER_PORT (task broker; default 5679 or the next free port),
 * CONTACT_SUITE_N8N_VERSION (a pin from scripts/lib/n8n-runtime.js), CONTACT_SUITE_N8N_CACHE (cache folder).
 * `npm start -- --no-build` skips the build.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { ensureN8n, n8nEnv } = require('./lib/n8n-runtime');
const { packPackage, installIntoUserFolder } = require('./lib/package-install');
const { firstFreePort } = require('./lib/ports');
const { dropLines } = require('./lib/n8n-output');

const REPO = path.resolve(__dirname, '..');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const say = (message) => console.log(`[start] ${message}`);

async function main() {
	const args = process.argv.slice(2);
	if (!args.includes('--no-build')) {
		say('npm run build');
		const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, stdio: 'inherit' });
		if (build.status !== 0) {
			if (!fs.existsSync(path.join(REPO, 'dist')))
				throw new Error('the build failed and there is no dist/ to run');
			say(
				'the build failed: starting n8n with the dist/ that exists (fix the build and run npm start again)',
			);
		}
	}

	const rt = await ensureN8n({ log: say });

	const userFolder = path.resolve(process.env.N8N_USER_FOLDER || path.join(REPO, '.n8n-dev'));
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-suite-pack-'));
	try {
		const { tarball } = packPackage(REPO, packDir);
		const installed = installIntoUserFolder(userFolder, tarball, PACKAGE.name);
		say(`installed ${PACKAGE.name}@${PACKAGE.version} into ${installed}`);
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
	const declared = PACKAGE.n8n || {};
	say(
		`nodes: ${(declared.nodes || []).map((n) => path.basename(n, '.node.js')).join(', ') || 'none'}`,
	);

	const host = process.env.N8N_LISTEN_ADDRESS || '127.0.0.1';
	const port = process.env.N8N_PORT || String(await firstFreePort(5678, { host }));
	if (port !== '5678' && !process.env.N8N_PORT)
		say(`port 5678 is in use (another n8n?): the editor gets port ${port}`);
	// n8n's task broker (Code node runners) listens on 5679 by default and n8n exits when that is taken too.
	const brokerPort =
		process.env.N8N_RUNNERS_BROKER_PORT ||
		String(await firstFreePort(5679, { skip: [Number(port)] }));
	const env = n8nEnv(rt, userFolder, {
		N8N_PORT: port,
		N8N_LISTEN_ADDRESS: host,
		N8N_RUNNERS_BROKER_PORT: brokerPort,
	});
	say(`starting n8n ${rt.version} (user folder ${userFolder})`);
	const child = spawn(rt.nodeBin, [rt.n8nBin, 'start'], {
		env,
		stdio: ['inherit', 'pipe', 'inherit'],
	});
	const url = `http://localhost:${port}/`;
	let announced = false;
	const shown = dropLines();
	child.stdout.on('data', (chunk) => {
		process.stdout.write(shown(chunk.toString()));
		if (!announced && /Editor is now accessible/i.test(chunk.toString())) {
			announced = true;
			console.log(
				`\n  n8n ${rt.version} with ${PACKAGE.name} is running: open ${url}\n  (Ctrl+C stops it)\n`,
			);
		}
	});
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error) => {
	console.error(`[start] ${error.message}`);
	process.exit(1);
});
