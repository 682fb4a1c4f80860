#!/usr/bin/env node
'use strict';
/**
 * `npm run test:n8n-newest`: the engine tests (jest over test/) on the newest n8n-core/n8n-workflow instead of the
 * oldest supported ones in the devDependencies. That second dependency set is test/n8n-newest/package.json with
 * its own lockfile, installed with `npm ci` when it is missing or not the pinned versions. n8n-core 2.41 needs
 * Node 24 (n8n 2.41.1's engines), so jest runs on this Node when it is 24 or newer, else on the Node the pinned
 * n8n runs on, from the npm registry (scripts/lib/n8n-runtime.js). Steps: install if needed, type-check the nodes
 * and tests against that n8n-workflow/n8n-core, then jest; extra arguments go to jest.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { DEFAULT_VERSION, PINS, ensureNode } = require('./lib/n8n-runtime');

const root = path.resolve(__dirname, '..');
const folder = path.join(root, 'test', 'n8n-newest');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const say = (line) => console.log(`[n8n-newest] ${line}`);

/** The pinned packages whose installed version differs from test/n8n-newest/package.json (all, when never installed). */
function notInstalled() {
	const { dependencies } = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
	return Object.entries(dependencies).filter(([name, version]) => {
		try {
			const manifest = path.join(folder, 'node_modules', name, 'package.json');
			return JSON.parse(fs.readFileSync(manifest, 'utf8')).version !== version;
		} catch {
			return true;
		}
	});
}

function run(bin, args, cwd = root) {
	const { status, error } = spawnSync(bin, args, { cwd, stdio: 'inherit' });
	if (error) throw error;
	return status ?? 1;
}

async function main() {
	if (notInstalled().length) {
		say('installing the dependency set (npm ci in test/n8n-newest)');
		// --ignore-scripts: n8n-core needs no install script to run the engine (isolated-vm is loaded only by the
		// non-default "vm" expression engine).
		const status = run(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], folder);
		if (status !== 0) return status;
	}
	const missing = notInstalled();
	if (missing.length) {
		say(`not the pinned versions after npm ci: ${missing.map(([name]) => name).join(', ')}`);
		return 1;
	}

	const version = (name) =>
		JSON.parse(fs.readFileSync(path.join(folder, 'node_modules', name, 'package.json'), 'utf8'))
			.version;
	const node = await ensureNode(PINS[DEFAULT_VERSION].node, { log: say });
	const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
	say(
		`n8n-core ${version('n8n-core')}, n8n-workflow ${version('n8n-workflow')}, Node ${nodeVersion}`,
	);

	say('type-check (test/n8n-newest/tsconfig.json)');
	const typecheck = run(process.execPath, [
		require.resolve('typescript/bin/tsc', { paths: [root] }),
		'-p',
		path.join(folder, 'tsconfig.json'),
		'--noEmit',
	]);
	if (typecheck !== 0) return typecheck;

	return run(node, [
		require.resolve('jest/bin/jest', { paths: [root] }),
		'--config',
		path.join(folder, 'jest.config.js'),
		...process.argv.slice(2),
	]);
}

main().then(
	(status) => process.exit(status),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
