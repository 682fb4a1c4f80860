#!/usr/bin/env node
// Runs `npm ci` when node_modules is missing or older than package-lock.json, so `npm start` and `npm test`
// work as the first command on a fresh clone. Node built-ins only: it runs before anything is installed.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const marker = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');
const stale = !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs;
if (stale) {
	console.log('Installing dependencies (npm ci)…');
	// eslint-plugin-n8n-nodes-base's preinstall runs `npx only-allow pnpm`: npx must not stop to ask.
	execSync('npm ci --no-audit --no-fund', {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, npm_config_yes: 'true' },
	});
}
