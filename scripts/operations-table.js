#!/usr/bin/env node
/**
 * Writes each node's operations table into README.md, between `<!-- operations:<node> -->` and
 * `<!-- /operations:<node> -->`, from the node descriptions themselves (built ones in dist/, or the TypeScript
 * sources when run under ts-node/jest), so the README cannot drift from what the nodes send. Every number the
 * README states about retries, limits, the deadline, chunk sizes and pages in flight is quoted the same way,
 * between `<!-- fact:<name> -->` and `<!-- /fact -->`, from the one place the code keeps it (FACTS).
 *   node scripts/operations-table.js           rewrite README.md from dist/
 *   node scripts/operations-table.js --check   exit 1 if README.md is out of date
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** Markdown table rows for one node: resource, operation, the request it sends, what it does. */
function operationsTable(node) {
	const { properties } = node.description;
	const resources = properties.find((p) => p.name === 'resource').options;
	const custom = node.customOperations ?? {};
	const rows = ['| Resource | Operation | Request | What it does |', '|---|---|---|---|'];
	for (const resource of resources) {
		const operation = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
		);
		for (const option of operation.options) {
			const request = option.routing?.request;
			// A field may set the URL for its own case (jtel's delete: by ID, by user data): list those too.
			const fieldUrls = properties
				.filter(
					(p) =>
						p.displayOptions?.show?.resource?.includes(resource.value) &&
						p.displayOptions?.show?.operation?.includes(option.value),
				)
				.map((p) => p.routing?.request?.url)
				.filter(Boolean);
			// A bulk operation sends its endpoint with many items per request in a workflow (one item per request as a tool).
			const bulk = custom[resource.value]?.[option.value] ? ' (bulk)' : '';
			const sent = request
				? [...new Set([request.url, ...fieldUrls])]
						.map((url) => `\`${request.method} ${url}\``)
						.join(' or ') + bulk
				: '—';
			rows.push(`| ${resource.name} | ${option.name} | ${sent} | ${option.description ?? ''} |`);
		}
	}
	return rows.join('\n');
}

const EXECUTOR = 'dist/nodes/shared/executor.js';
const seconds = (ms) => String(ms / 1000);

/** The README's numbers: where each lives in the code (a built module) and how the README writes it. */
const FACTS = {
	'n8n-community-packages': {
		module: 'package.json',
		value: (pkg) =>
			`\`N8N_COMMUNITY_PACKAGES='${JSON.stringify([{ name: pkg.name, version: pkg.version }])}'\``,
	},
	attempts: { module: EXECUTOR, value: (m) => String(m.DEFAULT_RETRY.maxAttempts) },
	'rate-limited-retries': {
		module: EXECUTOR,
		value: (m) => String(m.DEFAULT_RETRY.maxRateLimited),
	},
	'wait-budget-s': { module: EXECUTOR, value: (m) => seconds(m.DEFAULT_RETRY.maxTotalWaitMs) },
	'deadline-s': { module: EXECUTOR, value: (m) => seconds(m.DEFAULT_RETRY.deadlineMs) },
	'breaker-items': { module: EXECUTOR, value: (m) => String(m.DEFAULT_RETRY.breakerAfter) },
	'pages-in-flight': {
		module: 'dist/nodes/shared/paginators.js',
		value: (m) => String(m.PAGES_IN_FLIGHT),
	},
	'chartmogul-in-flight': {
		module: 'dist/nodes/ChartMogul/transport.js',
		value: (m) => String(m.chartMogul.policy.maxInFlight),
	},
	'chartmogul-per-second': {
		module: 'dist/nodes/ChartMogul/transport.js',
		value: (m) => String(m.chartMogul.policy.maxPerSecond),
	},
	'quentn-chunk-size': {
		module: 'dist/nodes/Quentn/resources/contact/createMany.js',
		value: (m) => String(m.DEFAULT_CHUNK_SIZE),
	},
	'quentn-webhook-contacts': {
		module: 'dist/nodes/Quentn/webhook.js',
		value: (m) => String(m.MAX_CONTACTS),
	},
	'ticketmatic-bulk': {
		module: 'dist/nodes/Ticketmatic/transport.js',
		value: (m) => String(m.BULK_MAX),
	},
	'ticketmatic-sample': {
		module: 'dist/nodes/Ticketmatic/contactChanges.js',
		value: (m) => String(m.SAMPLE_SIZE),
	},
};

/** README.md with every `<!-- fact:<name> -->…<!-- /fact -->` set to FACTS[name]; `loadModule(distPath)` returns its exports. */
function renderFacts(readme, loadModule) {
	return readme.replace(/<!-- fact:([\w-]+) -->[\s\S]*?<!-- \/fact -->/g, (_all, name) => {
		const fact = FACTS[name];
		if (!fact)
			throw new Error(
				`README.md quotes an unknown fact "${name}" (scripts/operations-table.js FACTS)`,
			);
		const source =
			fact.module === 'package.json'
				? JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
				: loadModule(fact.module);
		return `<!-- fact:${name} -->${fact.value(source)}<!-- /fact -->`;
	});
}

/**
 * README.md with every marked table and fact replaced; `load(distPath)` returns a node instance, `loadModule(distPath)`
 * a module's exports.
 */
function renderReadme(readme, load, loadModule) {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	let out = renderFacts(readme, loadModule);
	for (const file of pkg.n8n.nodes) {
		const node = load(file);
		const name = node.description.name;
		const pattern = new RegExp(
			`(<!-- operations:${name} -->)[\\s\\S]*?(<!-- /operations:${name} -->)`,
		);
		out = out.replace(
			pattern,
			(_all, open, close) => `${open}\n${operationsTable(node)}\n${close}`,
		);
	}
	return out;
}

module.exports = { operationsTable, renderReadme, renderFacts, FACTS };

if (require.main === module) {
	const load = (file) => {
		const exported = require(path.join(root, file));
		return new (Object.values(exported)[0])();
	};
	const loadModule = (file) => require(path.join(root, file));
	const readmePath = path.join(root, 'README.md');
	const readme = fs.readFileSync(readmePath, 'utf8');
	const next = renderReadme(readme, load, loadModule);
	if (process.argv.includes('--check')) {
		if (next !== readme) {
			console.error('README.md operations tables or numbers are out of date: run `npm run docs`.');
			process.exit(1);
		}
	} else {
		fs.writeFileSync(readmePath, next);
	}
}
