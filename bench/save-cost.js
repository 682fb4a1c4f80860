'use strict';
/**
 * What n8n's save of an execution costs for the same records in two shapes: 100 page items (the HTTP Request node's
 * output, one item per page) and one item per record sharing one pairing (this package's Return All). n8n stores run
 * data as flatted JSON (n8n-io/n8n packages/cli/src/executions/execution-persistence.ts, `stringify` from flatted),
 * synchronously, after the last node. Each shape runs in a fresh process of n8n's own Node with n8n's own flatted,
 * 3 times: the string's length, the time of `stringify` and how far the process's peak RSS rose during it.
 *
 *   node bench/save-cost.js [records]   (default 100000, documented Ticketmatic contacts as in the bench's fake)
 */
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const PER_PAGE = 1000;

function child(shape, records, n8nDir) {
	const flatted = require(require.resolve('flatted', { paths: [n8nDir] }));
	const { documentedContact } = require('./lib/benches');
	const createdts = new Date().toISOString();
	// Pages as they arrive: JSON text parsed, as n8n's request helper does.
	const pages = [];
	for (let p = 0; p * PER_PAGE < records; p++) {
		const data = [];
		for (let i = p * PER_PAGE; i < Math.min(records, (p + 1) * PER_PAGE); i++)
			data.push(documentedContact(i, createdts));
		pages.push(JSON.parse(JSON.stringify({ data, nbrofresults: records })));
	}
	const pairedItem = { item: 0 };
	const items =
		shape === 'pages'
			? pages.map((json) => ({ json, pairedItem }))
			: pages.flatMap((page) => page.data.map((json) => ({ json, pairedItem })));
	global.gc();
	const rssBefore = process.memoryUsage().rss;
	const peakBefore = process.resourceUsage().maxRSS * 1024;
	const started = process.hrtime.bigint();
	const saved = flatted.stringify({
		resultData: { runData: { List: [{ data: { main: [items] } }] } },
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const peak = process.resourceUsage().maxRSS * 1024;
	console.log(
		JSON.stringify({
			items: items.length,
			chars: saved.length,
			ms,
			riseMb: (peak - Math.max(rssBefore, peakBefore)) / 2 ** 20,
			peakMb: peak / 2 ** 20,
		}),
	);
}

async function main() {
	const records = Number(process.argv[2] ?? 100_000);
	const { ensureN8n } = require('../scripts/lib/n8n-runtime');
	const rt = await ensureN8n({ log: () => {} });
	const n8nDir = path.join(rt.dir, 'node_modules', 'n8n');
	const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
	const results = {};
	for (let round = 0; round < 3; round++)
		for (const shape of ['pages', 'items']) {
			const out = spawnSync(
				rt.nodeBin,
				['--expose-gc', __filename, '--child', shape, String(records), n8nDir],
				{ encoding: 'utf8' },
			);
			if (out.status !== 0) throw new Error(out.stderr);
			(results[shape] ??= []).push(JSON.parse(out.stdout.trim().split('\n').pop()));
		}
	for (const [shape, runs] of Object.entries(results)) {
		const mid = (key) => median(runs.map((r) => r[key])).toFixed(0);
		const what = `${runs[0].items} ${shape === 'pages' ? 'page' : 'record'} items`;
		const size = (runs[0].chars / 2 ** 20).toFixed(1);
		console.log(
			`${records} records as ${what}: saved as ${size} MB of flatted JSON in ${mid('ms')} ms, ` +
				`peak RSS ${mid('peakMb')} MB (+${mid('riseMb')} MB during the save), median of ${runs.length}`,
		);
	}
}

if (process.argv[2] === '--child') child(process.argv[3], Number(process.argv[4]), process.argv[5]);
else
	main().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
