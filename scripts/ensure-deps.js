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
	console.log('Installing dependencies (npm ci)…');
	// eslint-plugin-n8n-nodes-base's preinstall runs `npx only-allow pnpm`: npx must not stop to ask.
	execSync('npm ci --no-audit --no-fund', {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, npm_config_yes: 'true' },
	});
}
