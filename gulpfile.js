/**
 * Puts the icons where n8n looks for them. Nodes and credentials name their icons relative to their own
 * file (`file:../../icons/ticketsource.svg`), so `icons/` is copied to `dist/icons/` and the same relative
 * path works in the sources (for lint) and in `dist` (for n8n). The build fails if a node lacks its
 * light or dark icon: `icons/<node folder, lower case>.svg` and `.dark.svg`.
 */
const { src, dest, series } = require('gulp');
const fs = require('node:fs');
const path = require('node:path');

function checkIcons(done) {
	const missing = fs
		.readdirSync('nodes', { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
		.flatMap((entry) => [`${entry.name.toLowerCase()}.svg`, `${entry.name.toLowerCase()}.dark.svg`])
		.filter((file) => !fs.existsSync(path.join('icons', file)));
	done(missing.length ? new Error(`Missing icons in icons/: ${missing.join(', ')}`) : undefined);
}

function copyIcons() {
	return src('icons/*.svg').pipe(dest(path.join('dist', 'icons')));
}

/** Codex files (`X.node.json`: categories, aliases, docs links) travel next to their node. */
function codexFiles() {
	return src('nodes/**/*.node.json').pipe(dest(path.join('dist', 'nodes')));
}

exports['build:icons'] = series(checkIcons, copyIcons, codexFiles);
