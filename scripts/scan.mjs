#!/usr/bin/env node
// n8n's community-package scanner (@n8n/scan-community-package), run offline on what n8n's verification scans:
// the source (package.json, nodes/, credentials/) and the packed tarball (its compiled .js and package.json).
// The scanner's own verdict (`analyzePackage`) fails only on errors; this also counts its warnings, and any
// error or warning fails the run, except the warnings listed in ACCEPTED_WARNINGS with their reasons. Needs a build first (`npm run build`): the tarball is packed from dist/.
// Source of the two file sets: scanner/scanner.mjs in @n8n/scan-community-package (SOURCE_FILE_PATTERNS and
// the tarball leg of analyzePackageByName), https://github.com/n8n-io/n8n/tree/master/packages/%40n8n/scan-community-package
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import glob from 'fast-glob';
import {
	analyzePackage,
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/** Warnings kept on purpose, each with its reason; any other warning fails the scan. */
const ACCEPTED_WARNINGS = [
	{
		rule: '@n8n/community-nodes/credential-unnecessary-password',
		file: 'credentials/QuentnWebhookApi.credentials.ts',
		why: 'the Hash Salt checks the signature of every Quentn webhook call (whoever knows it can forge calls), so it stays masked; the rule goes by the field name, hashSalt, which saved credentials store',
	},
];
const accepted = (dir, file, message) =>
	ACCEPTED_WARNINGS.find((a) => a.rule === message.ruleId && path.relative(dir, file) === a.file);

/** Lints like analyzePackage (same config, inline comments ignored) but keeps the warnings too. */
async function lintLikeTheScanner(dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	const acceptedWarnings = [];
	for (const result of results) {
		result.messages = result.messages.filter((message) => {
			const reason = message.severity === 1 && accepted(dir, result.filePath, message);
			if (reason)
				acceptedWarnings.push(
					`${reason.file}:${message.line} ${reason.rule} (accepted: ${reason.why})`,
				);
			return !reason;
		});
		result.warningCount = result.messages.filter((message) => message.severity === 1).length;
	}
	const formatted = await (await eslint.loadFormatter('stylish')).format(results);
	return {
		files: files.length,
		errors: results.reduce((sum, r) => sum + r.errorCount, 0),
		warnings: results.reduce((sum, r) => sum + r.warningCount, 0),
		acceptedWarnings,
		formatted,
	};
}

function packTarball() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-suite-scan-'));
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const unpacked = path.join(dir, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', [
		'-xzf',
		path.join(dir, path.basename(filename)),
		'-C',
		unpacked,
		'--strip-components=1',
	]);
	return { dir, unpacked, tarball: path.basename(filename) };
}

if (!fs.existsSync(path.join(root, 'dist'))) {
	console.error('scan: dist/ is missing; run `npm run build` first.');
	process.exit(1);
}

const { dir, unpacked, tarball } = packTarball();
let failed = false;
try {
	for (const [label, target, patterns] of [
		['source', root, SOURCE_FILE_PATTERNS],
		[`tarball ${tarball}`, unpacked, TARBALL_FILE_PATTERNS],
	]) {
		const verdict = await analyzePackage(target, patterns);
		const counted = await lintLikeTheScanner(target, patterns);
		const ok = verdict.passed && counted.errors === 0 && counted.warnings === 0;
		failed ||= !ok;
		console.log(
			`scan ${label}: ${counted.files} files, ${counted.errors} errors, ${counted.warnings} warnings` +
				(counted.acceptedWarnings.length
					? ` (+ ${counted.acceptedWarnings.length} accepted)`
					: '') +
				` (analyzePackage: ${verdict.passed ? 'passed' : `failed: ${verdict.message}`})`,
		);
		for (const line of counted.acceptedWarnings) console.log(`  ${line}`);
		if (!ok) console.log(counted.formatted || verdict.details || '');
	}
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
