/**
 * Puts each node's icons where n8n looks for them: `icons/<name>.svg` and `icons/<name>.dark.svg` go next to
 * the node whose folder is `<name>` (case-insensitive), e.g. dist/nodes/TicketSource/ticketsource.svg, and
 * next to the credentials (dist/credentials/), whose `icon` names the same files.
 */
const { src, dest, series } = require('gulp');
const fs = require('node:fs');
const path = require('node:path');

function nodeFolders() {
	return fs
		.readdirSync('nodes', { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
		.map((entry) => entry.name);
}

function nodeIcons(done) {
	const folders = nodeFolders();
	const missing = folders.filter(
		(folder) =>
			!fs.existsSync(path.join('icons', `${folder.toLowerCase()}.svg`)) ||
			!fs.existsSync(path.join('icons', `${folder.toLowerCase()}.dark.svg`)),
	);
	if (missing.length) return done(new Error(`Missing light or dark icon in icons/ for: ${missing.join(', ')}`));
	let pending = folders.length;
	if (!pending) return done();
	for (const folder of folders) {
		src(`icons/${folder.toLowerCase()}{,.dark}.svg`)
			.pipe(dest(path.join('dist', 'nodes', folder)))
			.on('end', () => --pending === 0 && done());
	}
}

function credentialIcons() {
	return src('icons/*.svg').pipe(dest(path.join('dist', 'credentials')));
}

/** Codex files (`X.node.json`: categories, aliases, docs links) travel next to their node. */
function codexFiles() {
	return src('nodes/**/*.node.json').pipe(dest(path.join('dist', 'nodes')));
}

exports['build:icons'] = series(nodeIcons, credentialIcons, codexFiles);
