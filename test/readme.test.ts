/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- test code, never published: it reads README.md and loads the node sources */
/** The README's operations tables are generated from the node descriptions; this fails when they drift. */
import fs from 'node:fs';
import path from 'node:path';

const { renderReadme } = require('../scripts/operations-table.js') as {
	renderReadme: (readme: string, load: (file: string) => unknown) => string;
};

const root = path.resolve(__dirname, '..');

test('README.md operations tables match the nodes (run `npm run docs` to update)', () => {
	const load = (file: string) => {
		const source = path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		const exported = require(source) as Record<string, new () => unknown>;
		return new (Object.values(exported)[0])();
	};
	const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
	expect(renderReadme(readme, load)).toBe(readme);
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
	const anchors = fs
		.readFileSync(path.join(root, 'README.md'), 'utf8')
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
