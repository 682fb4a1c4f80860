'use strict';
/**
 * Puts this package where n8n loads community packages from, the way a user gets it: `npm pack` (so only what
 * the `files` list publishes goes in), then `npm install` of the tarball into `<N8N_USER_FOLDER>/.n8n/nodes`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { communityNodesDir } = require('./n8n-runtime');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quietNpm = {
	...process.env,
	npm_config_fund: 'false',
	npm_config_audit: 'false',
	npm_config_update_notifier: 'false',
};

/** Runs `npm pack` in the repo and returns the tarball's path in `destination`. */
function packPackage(repoDir, destination) {
	fs.mkdirSync(destination, { recursive: true });
	const out = execFileSync(
		npm,
		['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
		{
			cwd: repoDir,
			env: quietNpm,
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	).toString();
	const [info] = JSON.parse(out.slice(out.indexOf('[')));
	return { tarball: path.join(destination, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * Installs the tarball into the user folder's community-nodes folder (replacing an earlier copy). Peer
 * dependencies are left out: n8n gives community packages its own n8n-workflow.
 */
function installIntoUserFolder(userFolder, tarball, packageName) {
	const nodesDir = communityNodesDir(userFolder);
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest))
		fs.writeFileSync(
			manifest,
			`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`,
		);
	execFileSync(
		npm,
		[
			'install',
			tarball,
			'--omit=peer',
			'--omit=dev',
			'--ignore-scripts',
			'--no-package-lock',
			'--no-save',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{ cwd: nodesDir, env: quietNpm, stdio: ['ignore', 'inherit', 'inherit'] },
	);
	return path.join(nodesDir, 'node_modules', packageName);
}

module.exports = { packPackage, installIntoUserFolder };
