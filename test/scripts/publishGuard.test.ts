/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- test code, never published: the guard is a plain Node script (scripts/publish-guard.js) and the last test reads the repository */
const { publishRefusal, publishMode, changelogRefusal } =
	require('../../scripts/publish-guard.js') as {
		publishRefusal: (
			env: Record<string, string | undefined>,
			release: { version: string; changelog: string; published: string[] | undefined },
		) => string | undefined;
		publishMode: (published: string[] | undefined) => 'first' | 'trusted';
		changelogRefusal: (changelog: string, version: string) => string | undefined;
	};

/** What GitHub Actions sets for publish.yml started by pushing the tag 0.3.0, with `npm publish --provenance`. */
const publishRun = {
	GITHUB_ACTIONS: 'true',
	GITHUB_WORKFLOW_REF:
		'contact-suite/n8n-nodes-contact-suite/.github/workflows/publish.yml@refs/tags/0.3.0',
	GITHUB_REF_TYPE: 'tag',
	GITHUB_REF_NAME: '0.3.0',
	npm_config_provenance: 'true',
	ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/?api-version=2.0',
	ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
};

const changelog = [
	'# Changelog',
	'',
	'## [0.3.0] - 2026-12-07',
	'',
	'### Added',
	'- Something.',
	'',
	'## [0.2.0] - 2026-12-03',
	'',
	'[0.3.0]: https://github.com/contact-suite/n8n-nodes-contact-suite/compare/0.2.0...0.3.0',
	'[0.2.0]: https://github.com/contact-suite/n8n-nodes-contact-suite/compare/0.1.0...0.2.0',
].join('\n');

/** The first version: nothing on npm, the NPM_TOKEN secret in NODE_AUTH_TOKEN. */
const first = { version: '0.3.0', changelog, published: undefined };
/** A later version: 0.1.0 and 0.2.0 on npm, trusted publishing (no token). */
const later = { version: '0.3.0', changelog, published: ['0.1.0', '0.2.0'] };

describe('publish guard (prepublishOnly)', () => {
	test('lets the first version publish with the npm token', () => {
		expect(publishMode(first.published)).toBe('first');
		expect(publishRefusal({ ...publishRun, NODE_AUTH_TOKEN: 'npm_secret' }, first)).toBeUndefined();
	});

	test('lets a later version publish by trusted publishing, without a token', () => {
		expect(publishMode(later.published)).toBe('trusted');
		expect(publishRefusal(publishRun, later)).toBeUndefined();
		expect(publishRefusal({ ...publishRun, NODE_AUTH_TOKEN: '' }, later)).toBeUndefined();
	});

	test.each([
		['on a laptop', { GITHUB_ACTIONS: undefined }, /only in GitHub Actions/],
		[
			'from another workflow (ci.yml)',
			{
				GITHUB_WORKFLOW_REF:
					'contact-suite/n8n-nodes-contact-suite/.github/workflows/ci.yml@refs/tags/0.3.0',
			},
			/only in the publish.yml workflow/,
		],
		[
			'from publish.yml on a branch',
			{
				GITHUB_WORKFLOW_REF:
					'contact-suite/n8n-nodes-contact-suite/.github/workflows/publish.yml@refs/heads/main',
				GITHUB_REF_TYPE: 'branch',
				GITHUB_REF_NAME: 'main',
			},
			/only for a version tag/,
		],
		[
			'for a tag that is not the version',
			{
				GITHUB_WORKFLOW_REF:
					'contact-suite/n8n-nodes-contact-suite/.github/workflows/publish.yml@refs/tags/0.2.9',
				GITHUB_REF_NAME: '0.2.9',
			},
			/"0.2.9" is not package.json's version "0.3.0"/,
		],
		['without --provenance', { npm_config_provenance: undefined }, /--provenance/],
		[
			'without the OIDC token (no id-token: write)',
			{ ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
			/id-token: write/,
		],
	])('refuses a publish %s, first or later', (_case, change, message) => {
		expect(
			publishRefusal({ ...publishRun, NODE_AUTH_TOKEN: 'npm_secret', ...change }, first),
		).toMatch(message);
		expect(publishRefusal({ ...publishRun, ...change }, later)).toMatch(message);
	});

	test('refuses the first version without the npm token (trusted publishing cannot be set up yet)', () => {
		expect(publishRefusal(publishRun, first)).toMatch(/not on npm yet.*NPM_TOKEN/);
		expect(publishRefusal({ ...publishRun, NODE_AUTH_TOKEN: '' }, first)).toMatch(/NPM_TOKEN/);
	});

	test('refuses a later version with an npm token (trusted publishing only)', () => {
		expect(publishRefusal({ ...publishRun, NODE_AUTH_TOKEN: 'npm_secret' }, later)).toMatch(
			/trusted publishing, without a token/,
		);
	});

	test('refuses a version that is already on npm', () => {
		expect(publishRefusal(publishRun, { ...later, published: ['0.2.0', '0.3.0'] })).toMatch(
			/0.3.0 is already on npm/,
		);
	});

	test('refuses when CHANGELOG.md and the version disagree', () => {
		const refusal = (text: string) => publishRefusal(publishRun, { ...later, changelog: text });
		expect(refusal(changelog.replace('## [0.3.0]', '## [Unreleased]\n\n## [0.3.0]'))).toMatch(
			/\[Unreleased\]/,
		);
		expect(
			refusal(changelog.replace('## [0.3.0] - 2026-12-07', '## [0.2.1] - 2026-12-07')),
		).toMatch(/newest section is "0.2.1", not package.json's version "0.3.0"/);
		expect(refusal(changelog.replace('## [0.3.0] - 2026-12-07', '## [0.3.0]'))).toMatch(
			/no release date/,
		);
		expect(refusal(changelog.replace(/^\[0\.3\.0\]:.*$/m, ''))).toMatch(/no link for \[0.3.0\]/);
	});

	test("the repository's CHANGELOG.md describes package.json's version", () => {
		const fs = require('node:fs') as typeof import('node:fs');
		const root = `${__dirname}/../..`;
		const { version } = JSON.parse(fs.readFileSync(`${root}/package.json`, 'utf8')) as {
			version: string;
		};
		expect(
			changelogRefusal(fs.readFileSync(`${root}/CHANGELOG.md`, 'utf8'), version),
		).toBeUndefined();
	});
});
