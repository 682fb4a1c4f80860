/* eslint-disable @typescript-eslint/no-require-imports -- the guard is a plain Node script (scripts/publish-guard.js) */
const { publishRefusal } = require('../../scripts/publish-guard.js') as {
	publishRefusal: (env: Record<string, string | undefined>, version: string) => string | undefined;
};

/** What GitHub Actions sets for publish.yml started by pushing the tag 0.2.0, with `npm publish --provenance`. */
const publishRun = {
	GITHUB_ACTIONS: 'true',
	GITHUB_WORKFLOW_REF:
		'contact-suite/n8n-nodes-contact-suite/.github/workflows/publish.yml@refs/tags/0.2.0',
	GITHUB_REF_TYPE: 'tag',
	GITHUB_REF_NAME: '0.2.0',
	npm_config_provenance: 'true',
};

describe('publish guard (prepublishOnly)', () => {
	test('lets publish.yml on the version tag with --provenance publish', () => {
		expect(publishRefusal(publishRun, '0.2.0')).toBeUndefined();
	});

	test.each([
		['on a laptop', { GITHUB_ACTIONS: undefined }, /only in GitHub Actions/],
		[
			'from another workflow (ci.yml)',
			{
				GITHUB_WORKFLOW_REF:
					'contact-suite/n8n-nodes-contact-suite/.github/workflows/ci.yml@refs/tags/0.2.0',
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
					'contact-suite/n8n-nodes-contact-suite/.github/workflows/publish.yml@refs/tags/0.1.9',
				GITHUB_REF_NAME: '0.1.9',
			},
			/"0.1.9" is not package.json's version "0.2.0"/,
		],
		['without --provenance', { npm_config_provenance: undefined }, /--provenance/],
	])('refuses a publish %s', (_case, change, message) => {
		expect(publishRefusal({ ...publishRun, ...change }, '0.2.0')).toMatch(message);
	});
});
