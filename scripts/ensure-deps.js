#!/usr/bin/env node
// Runs `npm ci` when the dependencies were never installed, so `npm start` and `npm test` work as the first
// command on a fresh clone. It never reinstalls over an existing node_modules (that is `npm ci`'s job, run by
// hand or by CI). Node built-ins only: it runs before anything is installed.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const installed = ['jest', 'typescript', 'n8n-workflow'].every((name) =>
	fs.existsSync(path.join(root, 'node_modules', name, 'package.json')),
);
if (!installed) {
	console.log(
		'Installing the dependencies (npm ci): about 1,100 packages, 2–4 minutes on a first run. npm prints nothing until it is done.',
	);
	// --ignore-scripts: no dependency needs its install script to lint, build or test, and one dev-only
	// dependency (isolated-vm, under @n8n/node-cli) cannot build on Node 20. CI installs the same way.
	execSync('npm ci --ignore-scripts --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
	console.log('Dependencies installed.');
}
