'use strict';
/** The bench's table: one section per part, every row with its target and a met/missed verdict (markdown). */
const fs = require('node:fs');

const ms = (v) => (v === undefined || Number.isNaN(v) ? '—' : `${Math.round(v)} ms`);
const mb = (kb) => (kb === undefined || Number.isNaN(kb) ? '—' : `${Math.round(kb / 1024)} MB`);
const ratio = (v) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(2));
const verdict = (ok) => (ok === undefined ? '—' : ok ? 'met' : '**missed**');
const fail = (s) => (s?.error ? `error: ${String(s.error).slice(0, 140)}` : undefined);
const range = (samples, unit = ms) => {
	const list = (samples ?? []).filter((v) => v !== undefined);
	return list.length > 1 ? ` (${unit(Math.min(...list))}–${unit(Math.max(...list))})` : '';
};
const timeCell = (s) =>
	fail(s) ??
	`${ms(s.executionMs)}${range(s.samples)}${s.failedRounds ? ` [${s.failedRounds} round(s) failed]` : ''}`;
const rssCell = (s) =>
	fail(s) ??
	`${mb(s.peakRssKb)}${range(s.rssSamples, mb)}${s.growthKb === undefined ? '' : `, +${mb(s.growthKb)} over the server's RSS before the run`}`;

/** The first line of a part's block: when, where, the load average at its start and end, how long it took. */
function measured(h) {
	return `Measured ${h.when} UTC on ${h.machine}, n8n ${h.n8n}, Node ${h.node}, RTT ${h.rttMs} ms, bulk server time ${h.serverMs} ms per 1,000 contacts; load average (1 / 5 / 15 min) at the start ${h.loadAtStart}, at the end ${h.loadAtEnd}; this part took ${h.minutes.toFixed(1)} min.${h.only ? ` Rows: CONTACT_SUITE_BENCH_ONLY=${h.only}.` : ''}`;
}

/** Part 1: Return All of 10,000 records, four clients (issue #17). */
function lists10k(rows, { records, rounds, pagesInFlight }) {
	if (!rows.length) return [];
	const out = [
		`### Return All of ${records.toLocaleString('en')} records (median of ${rounds} fresh rounds, the clients taking turns)`,
		'',
		'| list operation | client | requests (bound) | connections | records out (each once) | time | vs HTTP Request | vs ideal | target | verdict |',
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const row of rows) {
		const { ours, http, bare, bareKeepAlive: ideal } = row;
		const vsHttp = ours.executionMs / http.executionMs;
		const vsIdeal = ideal && !ideal.error ? ours.executionMs / ideal.executionMs : undefined;
		const common =
			!ours.error &&
			ours.records === records &&
			ours.unique === records &&
			ours.requests <= row.bound;
		const target = row.parallel
			? `requests ≤ ${row.bound}; ${records} records once; ≤ 0.4 × HTTP Request; ≤ 1.0 × ideal`
			: `requests ≤ ${row.bound}; ${records} records once; ≤ 1.0 × HTTP Request`;
		const ok = row.parallel
			? common && vsHttp <= 0.4 && vsIdeal !== undefined && vsIdeal <= 1.0
			: common && vsHttp <= 1.0;
		const label = `${row.label}${row.parallel ? ` (${pagesInFlight} pages in flight)` : ' (cursor: one page after another)'}`;
		out.push(
			`| ${label} | ours | ${ours.requests} (≤ ${row.bound}) | ${ours.connections} | ${ours.records} (${ours.unique}) | ${timeCell(ours)} | ${ratio(vsHttp)} | ${ratio(vsIdeal)} | ${target} | ${verdict(ok)} |`,
			`| ${row.label} | HTTP Request node + pagination | ${http.requests} | ${http.connections} | — | ${timeCell(http)} | 1.00 | ${ratio(ideal && !ideal.error ? http.executionMs / ideal.executionMs : undefined)} |  |  |`,
		);
		for (const [s, name] of [
			[bare, 'bare Node, new connection per request'],
			[ideal, 'ideal: bare Node, one kept-alive connection'],
		]) {
			out.push(
				`| ${row.label} | ${name} | ${s.requests} | ${s.connections ?? '—'} | — | ${timeCell(s)} | ${ratio(s.executionMs / http.executionMs)} | ${ratio(ideal && !ideal.error ? s.executionMs / ideal.executionMs : undefined)} |  |  |`,
			);
		}
	}
	out.push('');
	return out;
}

/**
 * How many records fit in 1 GB of n8n process memory: what one record adds to the peak (the run of N records minus
 * the run of one record, divided by N), into what is left of 1 GB after n8n's own.
 */
function recordsPerGb(run, base, n) {
	if (!run?.peakRssKb || !base?.peakRssKb || run.error || base.error) return undefined;
	const perRecordKb = (run.peakRssKb - base.peakRssKb) / n;
	if (perRecordKb <= 0) return undefined;
	return Math.floor((1024 * 1024 - base.peakRssKb) / perRecordKb);
}

/** Part 2 (fresh) and 5 (warm) for lists: Return All of N records, peak memory and time. */
function bigLists(rows, { n, mode }) {
	if (!rows.length) return [];
	const out = [
		`### Return All of ${n.toLocaleString('en')} records: time and peak memory (${mode})`,
		'',
		'| list | client | requests | records out (each once) | time | peak RSS | RSS vs HTTP Request | records in 1 GB | target | verdict |',
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	const fits = [];
	for (const row of rows) {
		const clients = row.clients;
		const http = clients.http;
		const records = (c) => !c.error && c.records === n && c.unique === n;
		for (const [client, name] of [
			['off', 'ours, Simplify off'],
			['on', 'ours, Simplify on'],
			['http', 'HTTP Request node + pagination'],
			['base', 'ours, Limit 1 (n8n without the list)'],
		]) {
			const c = clients[client];
			if (!c) continue;
			const vsHttp =
				http && !http.error && client !== 'base' ? c.peakRssKb / http.peakRssKb : undefined;
			const perGb = client === 'base' ? undefined : recordsPerGb(c, clients.base, n);
			if (perGb && client !== 'http')
				fits.push(`${row.label}, ${name.replace('ours, ', '')}: ${perGb.toLocaleString('en')}`);
			let target = '';
			let ok;
			if (client === 'off') {
				target = `${n} records once; peak RSS ≤ 1.0 × HTTP Request`;
				ok = records(c) && vsHttp !== undefined && vsHttp <= 1.0;
			} else if (client === 'on') {
				target = `${n} records once; peak RSS < HTTP Request's`;
				ok = records(c) && vsHttp !== undefined && vsHttp < 1.0;
			}
			const shown = client === 'http' ? `${c.records} pages` : `${c.records} (${c.unique})`;
			out.push(
				`| ${row.label} (${row.pageSize} per page) | ${name} | ${c.requests ?? '—'} | ${shown} | ${timeCell(c)} | ${rssCell(c)} | ${ratio(vsHttp)} | ${perGb ? perGb.toLocaleString('en') : '—'} | ${target} | ${target ? verdict(ok) : ''} |`,
			);
		}
	}
	out.push('');
	if (fits.length)
		out.push(
			`Records in 1 GB of n8n process memory: (1 GB − the peak of the one-record run) ÷ what one record adds to the peak (the ${n.toLocaleString('en')}-record run's peak minus the one-record run's, ÷ ${n.toLocaleString('en')}). ${fits.join('; ')}.`,
			'',
		);
	return out;
}

/** Part 3 (and 5 for bulk): N contacts in chunks, the sending phase against the same chunks one after another. */
function bulks(rows, { serverMs, mode }) {
	if (!rows.length) return [];
	const out = [
		`### Bulk (${mode}; ${serverMs} ms server time per 1,000 contacts)`,
		'',
		"| operation | contacts | requests (target) | stored / ok | duplicates | sending (first request → last answer) | same chunks one after another | sending ÷ one after another | n8n's item preparation (node time − sending) | node time | target | verdict |",
		'|---|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const row of rows) {
		const name = `${row.label}${row.note ? ` (${row.note})` : ''}`;
		const { ours: r, n, sequential: seq, target } = row;
		if (r) {
			const vs = seq && !seq.error ? r.sendingMs / seq.executionMs : undefined;
			const ok =
				!r.error &&
				r.requests === target &&
				r.ok === n &&
				r.duplicates === 0 &&
				(r.stored === undefined || r.stored === n) &&
				vs !== undefined &&
				vs <= 0.35;
			out.push(
				`| ${name} | ${n} | ${r.requests} (${target}) | ${r.stored ?? '—'} / ${r.ok} | ${r.duplicates} | ${ms(r.sendingMs)}${range(r.sendingSamples)} | ${fail(seq) ?? ms(seq?.executionMs)} | ${ratio(vs)} | ${ms(r.executionMs - r.sendingMs)} | ${timeCell(r)} | requests = ${target}; ${n} ok; 0 duplicates; sending ≤ 0.35 × one after another | ${verdict(ok)} |`,
			);
		}
		const f = row.faults;
		if (f) {
			const injected = Object.entries(f.injected ?? {})
				.filter(([, count]) => count)
				.map(([kind, count]) => `${count} × ${kind}`)
				.join(', ');
			const ok =
				!f.error && f.requests === row.faultTarget && f.ok === row.faultN && f.duplicates === 0;
			out.push(
				`| ${name}, e2e fault mix (${injected || 'none'} injected) | ${row.faultN} | ${f.requests} accepted (${row.faultTarget}) | ${f.stored ?? '—'} / ${f.ok} | ${f.duplicates} | ${ms(f.sendingMs)} | | | ${ms(f.executionMs - f.sendingMs)} | ${timeCell(f)} | accepted requests = ${row.faultTarget}; ${row.faultN} ok; 0 duplicates | ${verdict(ok)} |`,
			);
		}
	}
	out.push(
		'',
		"\"Same chunks one after another\": the requests our node sent (same bodies and headers), replayed by bare Node one after another with a new connection each, as n8n's request helper opens them. The target is on the sending phase; n8n's item preparation (resolving each item's mapped fields, before the first request) is shown apart.",
		'',
	);
	return out;
}

/** Part 4: 200 single ChartMogul creates, the sending phase apart from n8n's item preparation. */
function creates(row, { rttMs }) {
	if (!row) return [];
	const failures = 200 - row.items + (row.error ? 1 : 0);
	const preparation = row.executionMs - row.sendingMs;
	const ok =
		!row.error &&
		failures === 0 &&
		row.stored === 200 &&
		row.duplicates === 0 &&
		row.stats.r429 === 0 &&
		row.sendingMs <= 6000;
	return [
		`### 200 single ChartMogul contact creates, fake answering 429 above 40 req/s and 503 above 20 open requests, RTT ${rttMs} ms`,
		'',
		"| failures | contacts stored | duplicates | POSTs sent | 429s | 503s | max in flight | sending (first request → last answer) | n8n's item preparation (node time − sending) | node time | target | verdict |",
		'|---|---|---|---|---|---|---|---|---|---|---|---|',
		`| ${failures}${row.error ? ` (${String(row.error).slice(0, 100)})` : ''} | ${row.stored} | ${row.duplicates} | ${row.posts} | ${row.stats.r429} | ${row.stats.r503} | ${row.stats.maxInFlight} | ${ms(row.sendingMs)} | ${ms(preparation)} | ${ms(row.executionMs)} | 0 failures, 200 stored, 0 duplicates, 0 × 429, sending ≤ 6000 ms (1.2 × the 5 s floor) | ${verdict(ok)} |`,
		'',
	];
}

function packageRows(p) {
	return [
		'### Package',
		'',
		'| measure | value |',
		'|---|---|',
		`| tarball (npm pack) | ${(p.tarballBytes / 1024).toFixed(1)} KiB, ${p.files} files |`,
		`| runtime dependencies | ${p.deps.length}${p.deps.length ? ` (${p.deps.join(', ')})` : ''} |`,
		`| require every node and credential from dist (${p.require.files ?? '?'} files, fresh process, median of 5) | ${p.require.error ? `error: ${p.require.error}` : ms(p.require.medianMs)} |`,
	];
}

/**
 * Writes each part's block into docs/benchmarks.md, between `<!-- bench:<part> -->` markers inside its
 * `bench:results` block (a part not there yet goes at the end); parts not run are left as they were.
 */
function writeDocs(file, parts) {
	let page = fs.readFileSync(file, 'utf8');
	const resultsEnd = '<!-- /bench:results -->';
	if (!page.includes(resultsEnd)) throw new Error(`${file} has no ${resultsEnd} marker`);
	for (const part of parts) {
		const start = `<!-- bench:${part.name} -->`;
		const end = `<!-- /bench:${part.name} -->`;
		const block = `${start}\n${part.lines.join('\n')}\n${end}`;
		page =
			page.includes(start) && page.includes(end)
				? `${page.slice(0, page.indexOf(start))}${block}${page.slice(page.indexOf(end) + end.length)}`
				: page.replace(resultsEnd, `${block}\n${resultsEnd}`);
	}
	fs.writeFileSync(file, page);
}

module.exports = { measured, lists10k, bigLists, bulks, creates, packageRows, writeDocs, ms, mb };
