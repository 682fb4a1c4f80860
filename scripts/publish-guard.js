#!/usr/bin/env node
// package.json's prepublishOnly: `npm publish` runs only in .github/workflows/publish.yml, started by a tag equal
// to package.json's version, with --provenance. n8n verifies only packages published with a provenance statement
// (https://docs.n8n.io/integrations/creating-nodes/deploy/submit-community-nodes/), and only a GitHub Actions
// run can sign one; a publish from a laptop would ship a version that n8n can never verify.
// Environment variables set by GitHub Actions: https://docs.github.com/en/actions/reference/variables-reference

/** Why this publish is refused, or undefined when it may go ahead. */
function publishRefusal(env, version) {
	const how =
		'Releases are published by pushing a version tag: .github/workflows/publish.yml does the rest.';
	if (env.GITHUB_ACTIONS !== 'true') {
		return `npm publish runs only in GitHub Actions (publish.yml), not here. ${how}`;
	}
	const workflow = /\/\.github\/workflows\/([^@]+)@(.*)$/.exec(env.GITHUB_WORKFLOW_REF ?? '');
	if (!workflow || workflow[1] !== 'publish.yml') {
		return `npm publish runs only in the publish.yml workflow, not in "${env.GITHUB_WORKFLOW_REF ?? ''}". ${how}`;
	}
	if (env.GITHUB_REF_TYPE !== 'tag' || workflow[2] !== `refs/tags/${env.GITHUB_REF_NAME}`) {
		return `npm publish runs only for a version tag, not for "${workflow[2]}". ${how}`;
	}
	if (env.GITHUB_REF_NAME !== version) {
		return `The tag "${env.GITHUB_REF_NAME}" is not package.json's version "${version}": tag the version that is in package.json.`;
	}
	if (env.npm_config_provenance !== 'true') {
		return 'npm publish must be called with --provenance (n8n verifies only packages with a provenance statement).';
	}
	return undefined;
}

module.exports = { publishRefusal };

if (require.main === module) {
	const refusal = publishRefusal(process.env, require('../package.json').version);
	if (refusal) {
		console.error(`Publishing refused: ${refusal}`);
		process.exit(1);
	}
}
