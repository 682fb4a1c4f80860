/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- test code, never published: it reads README.md and loads the node sources */
/** The README's operations tables are generated from the node descriptions; this fails when they drift. */
import fs from 'node:fs';
import path from 'node:path';

const { renderReadme, renderFacts, FACTS } = require('../scripts/operations-table.js') as {
	renderReadme: (
		readme: string,
		load: (file: string) => unknown,
		loadModule: (file: string) => unknown,
	) => string;
	renderFacts: (readme: string, loadModule: (file: string) => unknown) => string;
	FACTS: Record<string, { module: string }>;
};

const root = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** A built module's exports, from its TypeScript source. */
const loadModule = (file: string) =>
	require(path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'))) as Record<
		string,
		unknown
	>;

test('README.md operations tables and numbers match the code (run `npm run docs` to update)', () => {
	const load = (file: string) => {
		const exported = loadModule(file) as Record<string, new () => unknown>;
		return new (Object.values(exported)[0])();
	};
	expect(renderReadme(readme, load, loadModule)).toBe(readme);
});

describe('numbers in the README', () => {
	const quoted = (name: string) =>
		[...readme.matchAll(new RegExp(`<!-- fact:${name} -->(.*?)<!-- /fact -->`, 'g'))].map(
			(m) => m[1],
		);

	test('every number of FACTS is quoted in the README', () => {
		for (const name of Object.keys(FACTS))
			expect([name, quoted(name).length > 0]).toEqual([name, true]);
	});

	test("the 429 troubleshooting quotes the executor's refusals, wait budget and deadline", () => {
		const row = readme.split('\n').find((line) => line.startsWith('| A 429'));
		expect(row).toContain('<!-- fact:rate-limited-retries -->');
		expect(row).toContain('<!-- fact:wait-budget-s -->');
		expect(row).toContain('<!-- fact:deadline-s -->');
		expect(row).not.toMatch(/retried \d+ times/);
	});

	test('a number changed in the code changes the README (one source: the executor)', () => {
		const executor = loadModule('dist/nodes/shared/executor.js') as {
			DEFAULT_RETRY: Record<string, number>;
		};
		const changed = (file: string) =>
			file === 'dist/nodes/shared/executor.js'
				? { DEFAULT_RETRY: { ...executor.DEFAULT_RETRY, maxRateLimited: 7, deadlineMs: 60_000 } }
				: loadModule(file);
		const rendered = renderFacts(readme, changed);
		expect(rendered).toContain('<!-- fact:rate-limited-retries -->7<!-- /fact -->');
		expect(rendered).toContain('<!-- fact:deadline-s -->60<!-- /fact -->');
		expect(rendered).not.toContain('<!-- fact:deadline-s -->180<!-- /fact -->');
	});

	test('a fact the generator does not know is an error', () => {
		expect(() => renderFacts('<!-- fact:retries -->5<!-- /fact -->', loadModule)).toThrow(
			/unknown fact "retries"/,
		);
	});
});

describe('package page', () => {
	const section = (heading: string) => {
		const start = readme.indexOf(`\n## ${heading}\n`);
		expect([heading, start >= 0]).toEqual([heading, true]);
		return readme.slice(start, readme.indexOf('\n## ', start + 1));
	};

	test('"Use with the AI Agent": $fromAI() parameters, one tool per operation, bulk operations one item per call', () => {
		const text = section('Use with the AI Agent');
		expect(text).toContain("$fromAI('");
		expect(text).toMatch(/One tool does one operation/);
		expect(text).toMatch(/one contact per call/);
	});

	test('"Why this package": limits, duplicates and Return All speed', () => {
		const text = section('Why this package');
		expect(text).toMatch(/0 duplicates/);
		expect(text).toMatch(/HTTP\s+Request node/);
		expect(text).toContain('<!-- fact:chartmogul-per-second -->');
	});

	test("install snippets in the README and docs/ name package.json's version", () => {
		const { name, version } = JSON.parse(
			fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
		) as {
			name: string;
			version: string;
		};
		const docs = fs
			.readdirSync(path.join(root, 'docs'))
			.filter((file) => file.endsWith('.md'))
			.map((file) => fs.readFileSync(path.join(root, 'docs', file), 'utf8'));
		const pinned = [readme, ...docs].flatMap((text) => [
			...[
				...text.matchAll(new RegExp(`"name":\\s*"${name}",\\s*"version":\\s*"([^"]+)"`, 'g')),
			].map((m) => m[1]),
			...[...text.matchAll(new RegExp(`${name}@(\\d[^\\s\`'"]*)`, 'g'))].map((m) => m[1]),
		]);
		expect(pinned.length).toBeGreaterThan(0);
		expect(pinned.filter((v) => v !== version)).toEqual([]);
	});
});

describe('links into the README', () => {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		homepage: string;
		bugs: { url: string };
		repository: { url: string };
		n8n: { nodes: string[]; credentials: string[] };
	};
	const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
	/** GitHub's heading anchors: lower case, punctuation dropped, spaces → "-". */
	const anchors = readme
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) =>
			line
				.replace(/^#+ /, '')
				.trim()
				.toLowerCase()
				.replace(/[^\p{L}\p{N} _-]/gu, '')
				.replace(/ /g, '-'),
		);

	test('package.json homepage, bugs and repository name the same GitHub repository', () => {
		expect(repo).toMatch(/^https:\/\/github\.com\/[\w.-]+\/n8n-nodes-contact-suite$/);
		expect(pkg.homepage).toBe(`${repo}#readme`);
		expect(pkg.bugs.url).toBe(`${repo}/issues`);
	});

	test('every node and credential documentation link to the README names one of its headings', () => {
		const codex = pkg.n8n.nodes.map((file) =>
			file.replace(/^dist\//, '').replace(/\.js$/, '.json'),
		);
		const links = codex.flatMap((file) => {
			const { resources } = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as {
				resources: Record<string, Array<{ url: string }>>;
			};
			return Object.values(resources)
				.flat()
				.map(({ url }) => ({ file, url }));
		});
		for (const file of pkg.n8n.credentials) {
			const source = file.replace(/^dist\//, '').replace(/\.js$/, '.ts');
			const url = /documentationUrl = '([^']+)'/.exec(
				fs.readFileSync(path.join(root, source), 'utf8'),
			)?.[1];
			links.push({ file: source, url: url ?? '(none)' });
		}
		const toReadme = links.filter(({ url }) => url.startsWith(repo));
		// Each node links its README section at least for its primary documentation, and every credential does.
		expect(toReadme.length).toBeGreaterThanOrEqual(
			pkg.n8n.nodes.length + pkg.n8n.credentials.length,
		);
		const broken = toReadme.filter(({ url }) => !anchors.includes(url.slice(`${repo}#`.length)));
		expect(broken).toEqual([]);
		// A bare API root is not documentation a user can act on.
		expect(links.filter(({ url }) => /^https?:\/\/api\.[^/]+\/?$/.test(url))).toEqual([]);
	});
});
