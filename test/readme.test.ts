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
