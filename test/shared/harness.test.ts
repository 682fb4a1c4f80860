/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- test code, never published: reads the installed packages' manifests and the jest config's globals */
import path from 'node:path';

import { runListSearch } from '../harness/engine';

describe('harness runListSearch', () => {
	test('names the node and method when the node has no such listSearch method', async () => {
		await expect(
			runListSearch({ type: 'ticketSource', method: 'noSuchMethod', credentials: {} }),
		).rejects.toThrow('Node ticketSource has no listSearch method "noSuchMethod"');
	});
});

describe('harness engine', () => {
	/** The manifest whose n8n-core/n8n-workflow this test run must use: jest config `globals.engineManifest`. */
	const manifest = (globalThis as { engineManifest?: string }).engineManifest ?? 'package.json';

	test(`runs on the n8n-core and n8n-workflow pinned in ${manifest}`, () => {
		const pinned = require(path.resolve(__dirname, '../..', manifest)) as {
			dependencies?: Record<string, string>;
			devDependencies?: Record<string, string>;
		};
		const wanted = { ...pinned.dependencies, ...pinned.devDependencies };
		const core = require('n8n-core/package.json') as {
			version: string;
			dependencies: Record<string, string>;
		};
		const workflow = require('n8n-workflow/package.json') as { version: string };
		expect(core.version).toBe(wanted['n8n-core']);
		expect(workflow.version).toBe(wanted['n8n-workflow']);
		// The nodes and n8n-core share one n8n-workflow, as in n8n (else `instanceof NodeApiError` would differ).
		expect(core.dependencies['n8n-workflow']).toBe(workflow.version);
	});
});
