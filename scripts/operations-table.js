#!/usr/bin/env node
/**
 * Writes each node's operations table into README.md, between `<!-- operations:<node> -->` and
 * `<!-- /operations:<node> -->`, from the node descriptions themselves (built ones in dist/, or the TypeScript
 * sources when run under ts-node/jest), so the README cannot drift from what the nodes send.
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

/** README.md with every marked table replaced; `load(distPath)` returns a node instance. */
function renderReadme(readme, load) {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	let out = readme;
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

module.exports = { operationsTable, renderReadme };

if (require.main === module) {
	const load = (file) => {
		const exported = require(path.join(root, file));
		return new (Object.values(exported)[0])();
	};
	const readmePath = path.join(root, 'README.md');
	const readme = fs.readFileSync(readmePath, 'utf8');
	const next = renderReadme(readme, load);
	if (process.argv.includes('--check')) {
		if (next !== readme) {
			console.error('README.md operations tables are out of date: run `npm run docs`.');
			process.exit(1);
		}
	} else {
		fs.writeFileSync(readmePath, next);
	}
}
