'use strict';
/**
 * Preloaded into each `n8n execute` of the bench (NODE_OPTIONS=--require): when the process exits, writes its peak
 * resident set size (getrusage's ru_maxrss, Node's process.resourceUsage().maxRSS, in KiB) to
 * $CONTACT_SUITE_BENCH_RSS_DIR/<pid>.json, so the bench reads the true peak of the n8n process, not a sample.
 */
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.CONTACT_SUITE_BENCH_RSS_DIR;
if (dir) {
	process.on('exit', () => {
		try {
			fs.writeFileSync(
				path.join(dir, `${process.pid}.json`),
				JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }),
			);
		} catch {
			// the bench then shows no peak for this run
		}
	});
}
