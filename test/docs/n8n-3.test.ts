/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code, never published: it reads docs/n8n-3.md */
/**
 * docs/n8n-3.md carries a `docker run` for n8n 3.x that cannot be run here (no Docker, no n8n 3 on npm): check what
 * it must say, so that a copy-paste gets this package loaded, on a volume, at its current version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
};
const doc = readFileSync(join(root, 'docs', 'n8n-3.md'), 'utf8');

/** The `docker run` command of the shell block, its continuation lines joined. */
function dockerRun(): string {
	const blocks = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
	expect(blocks).toHaveLength(1);
	const command = blocks[0].replace(/\\\n\s*/g, ' ');
	const run = command.split('\n').find((line) => line.startsWith('docker run '));
	expect(run).toBeDefined();
	return run!;
}

/** The `-e NAME=value` settings of the command (single-quoted values unquoted). */
function settings(run: string): Record<string, string> {
	return Object.fromEntries(
		[...run.matchAll(/-e (\w+)=('[^']*'|\S+)/g)].map(([, name, value]) => [
			name,
			value.replace(/^'|'$/g, ''),
		]),
	);
}

describe('docs/n8n-3.md docker run', () => {
	const run = dockerRun();
	const env = settings(run);

	test('runs a pinned n8n 3 image with the user folder on a named volume', () => {
		expect(run).toMatch(/ docker\.n8n\.io\/n8nio\/n8n:3\.\d+\.\d+$/);
		expect(run).toMatch(/ -v (\w+):\/home\/node\/\.n8n /);
		expect(doc).toContain(`docker volume create ${/ -v (\w+):/.exec(run)![1]}`);
	});

	test('loads this unverified package (off by default from n8n 3.0), at its current version', () => {
		expect(env.N8N_UNVERIFIED_PACKAGES_ENABLED).toBe('true');
		expect(env.N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV).toBe('true');
		expect(JSON.parse(env.N8N_COMMUNITY_PACKAGES)).toEqual([
			{ name: pkg.name, version: pkg.version },
		]);
	});

	test('sets nothing n8n 3 removed', () => {
		expect(env).not.toHaveProperty('OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS');
	});
});
