#!/usr/bin/env node
// package.json's prepublishOnly: `npm publish` runs only in .github/workflows/publish.yml, started by a tag equal
// to package.json's version, with --provenance, with CHANGELOG.md's newest section for that version, and in one of
// two ways:
//   first publish   the package is not on the registry yet: an npm token (the NPM_TOKEN secret) in NODE_AUTH_TOKEN,
//                   because npm trusted publishing can only be set up for a package that exists
//                   (https://docs.npmjs.com/trusted-publishers);
//   every later one the package exists: trusted publishing (npm trades the workflow's OIDC token for a one-time
//                   publish token), and no npm token at all.
// Both sign a provenance statement with the workflow's OIDC token (`id-token: write`): n8n verifies only packages
// published with one (https://docs.n8n.io/integrations/creating-nodes/deploy/submit-community-nodes/), and only a
// CI run can sign one. Environment variables set by GitHub Actions:
// https://docs.github.com/en/actions/reference/variables-reference
//   node scripts/publish-guard.js        refuse (exit 1) or allow this publish
//   node scripts/publish-guard.js mode   print `mode=first` or `mode=trusted` (publish.yml's $GITHUB_OUTPUT)
const fs = require('node:fs');
const path = require('node:path');

const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

/** `first` when the package is not on the registry (`published` undefined), `trusted` when it is. */
function publishMode(published) {
	return published === undefined ? 'first' : 'trusted';
}

/**
 * Why CHANGELOG.md does not describe `version` as the release being published, or undefined when it does: its
 * newest section is `## [version] - YYYY-MM-DD`, there is no `[Unreleased]` section beside it, and the version's
 * compare link is at the bottom.
 */
function changelogRefusal(changelog, version) {
	if (/^## \[Unreleased\]/im.test(changelog)) {
		return 'CHANGELOG.md still has an [Unreleased] section: fold it into the section of the version being released.';
	}
	const newest = /^## \[([^\]]+)\](.*)$/m.exec(changelog);
	if (!newest || newest[1] !== version) {
		return `CHANGELOG.md's newest section is "${newest?.[1] ?? '(none)'}", not package.json's version "${version}".`;
	}
	if (!/^ - \d{4}-\d{2}-\d{2}$/.test(newest[2])) {
		return `CHANGELOG.md's section for ${version} has no release date: "## [${version}] - YYYY-MM-DD".`;
	}
	if (!new RegExp(`^\\[${version.replace(/\./g, '\\.')}\\]: https://`, 'm').test(changelog)) {
		return `CHANGELOG.md has no link for [${version}] at the bottom.`;
	}
	return undefined;
}

/**
 * Why this publish is refused, or undefined when it may go ahead. `published`: the versions of the package on the
 * registry, undefined when the registry does not know the package.
 */
function publishRefusal(env, { version, changelog, published }) {
	const how =
		'Releases are published by pushing a version tag: .github/workflows/publish.yml does the rest (CONTRIBUTING.md, Releasing).';
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
	if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
		return 'The publish job has no OIDC token (permissions: id-token: write): provenance and trusted publishing need it.';
	}
	const changelogProblem = changelogRefusal(changelog, version);
	if (changelogProblem) return changelogProblem;
	const token = Boolean(env.NODE_AUTH_TOKEN);
	if (publishMode(published) === 'first') {
		if (!token) {
			return 'The package is not on npm yet: the first version is published with the NPM_TOKEN secret (trusted publishing can only be set up for a package that exists).';
		}
		return undefined;
	}
	if (token) {
		return 'The package is on npm: later versions are published by trusted publishing, without a token. Delete the NPM_TOKEN secret and revoke the token on npmjs.com.';
	}
	if (published.includes(version)) {
		return `${version} is already on npm: raise the version (npm version minor --no-git-tag-version) and tag that.`;
	}
	return undefined;
}

/** The package's versions on the registry, or undefined when the registry does not know the package (404). */
async function registryVersions(registry, name) {
	const url = new URL(encodeURIComponent(name), registry.endsWith('/') ? registry : `${registry}/`);
	const response = await fetch(url, {
		headers: { accept: 'application/vnd.npm.install-v1+json' },
	});
	if (response.status === 404) return undefined;
	if (!response.ok) throw new Error(`${url} answered ${response.status}`);
	return Object.keys((await response.json()).versions ?? {});
}

module.exports = { publishRefusal, publishMode, changelogRefusal, registryVersions };

async function main() {
	const root = path.resolve(__dirname, '..');
	const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const registry = process.env.npm_config_registry || DEFAULT_REGISTRY;
	const published = await registryVersions(registry, name);
	if (process.argv[2] === 'mode') {
		console.log(`mode=${publishMode(published)}`);
		return;
	}
	const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
	const refusal = publishRefusal(process.env, { version, changelog, published });
	if (refusal) {
		console.error(`Publishing refused: ${refusal}`);
		process.exit(1);
	}
	console.log(
		`Publishing ${name}@${version}: ${publishMode(published) === 'first' ? 'first version, with the npm token' : 'trusted publishing'}, with provenance.`,
	);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(`Publishing refused: the registry could not be asked (${error.message}).`);
		process.exit(1);
	});
}
