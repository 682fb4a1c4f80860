/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- test code, never published: it reads the workflow files */
import fs from 'node:fs';
import path from 'node:path';

const { stepRuns, stepEnv, earlierVersions, readPublishJob } =
	require('../../scripts/publish-dry-run.js') as {
		stepRuns: (step: { if?: string }, outputs: Record<string, Record<string, string>>) => boolean;
		stepEnv: (
			step: { env?: Record<string, string> },
			secrets: Record<string, string>,
		) => Record<string, string>;
		earlierVersions: (changelog: string) => string[];
		readPublishJob: (file: string) => {
			job: { environment?: string; permissions?: Record<string, string> };
			mode: { run: string };
			publish: Array<{ if?: string; env?: Record<string, string>; run: string }>;
		};
	};

const workflows = path.resolve(__dirname, '..', '..', '.github', 'workflows');

describe('publish.yml', () => {
	const { job, mode, publish } = readPublishJob(path.join(workflows, 'publish.yml'));

	test('runs in the release environment with an OIDC token', () => {
		expect(job.environment).toBe('release');
		expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(mode.run).toMatch(/publish-guard\.js mode >> "\$GITHUB_OUTPUT"/);
	});

	test('publishes with provenance: the first version with the NPM_TOKEN secret, later ones without a token', () => {
		const first = publish.filter((step) => stepRuns(step, { registry: { mode: 'first' } }));
		const trusted = publish.filter((step) => stepRuns(step, { registry: { mode: 'trusted' } }));
		expect(first).toHaveLength(1);
		expect(trusted).toHaveLength(1);
		expect(stepEnv(first[0], { NPM_TOKEN: 'secret' })).toEqual({ NODE_AUTH_TOKEN: 'secret' });
		expect(stepEnv(trusted[0], { NPM_TOKEN: 'secret' })).toEqual({});
		for (const step of publish) expect(step.run).toMatch(/--provenance/);
	});

	test('an expression the dry run cannot evaluate is an error, not a silent skip', () => {
		expect(() => stepRuns({ if: "github.ref_type == 'tag'" }, {})).toThrow(/unsupported if/);
		expect(() => stepEnv({ env: { X: '${{ github.token }}' } }, {})).toThrow(/unsupported/);
	});
});

test('the registry stand-in of the dry run holds the versions CHANGELOG.md lists before the newest', () => {
	const changelog =
		'## [0.3.0] - 2026-12-07\n\n## [0.2.0] - 2026-12-03\n\n## [0.1.0] - 2026-11-23\n';
	expect(earlierVersions(changelog)).toEqual(['0.1.0', '0.2.0']);
});

test('every action in every workflow is pinned by commit SHA, with its version in a comment', () => {
	const uses = fs
		.readdirSync(workflows)
		.flatMap((file) => fs.readFileSync(path.join(workflows, file), 'utf8').split('\n'))
		.filter((line) => /^\s*-?\s*uses:/.test(line));
	expect(uses.length).toBeGreaterThan(0);
	for (const line of uses)
		expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
});
