'use strict';
/**
 * A fake npm registry (https://registry.npmjs.org) that knows one package: the tarball `npm pack` made of this
 * repo. n8n installs community packages with `npm pack <name>@<version>` against the registry and first asks
 * `GET <registry>/<name>/<version>` whether the version exists (n8n-io/n8n packages/cli/src/modules/
 * community-packages/npm-utils.ts, community-packages.service.ts). The documents follow the registry's
 * package metadata format (github.com/npm/registry/blob/main/docs/responses/package-metadata.md): a packument with
 * `dist-tags` and `versions`, each version's `dist` carrying the tarball URL, `shasum` and `integrity`.
 * Every other name is a 404, so an install of anything else fails as it would for an unpublished package.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const { HttpError, json, createFake } = require('./router');

const REGISTRY = 'https://registry.npmjs.org';

function createNpmRegistryFake({ tarball, manifest }) {
	const bytes = fs.readFileSync(tarball);
	const file = `${manifest.name.replace(/^@[^/]+\//, '')}-${manifest.version}.tgz`;
	const tarballPath = `/${manifest.name}/-/${file}`;
	const version = {
		...manifest,
		_id: `${manifest.name}@${manifest.version}`,
		dist: {
			tarball: `${REGISTRY}${tarballPath}`,
			shasum: crypto.createHash('sha1').update(bytes).digest('hex'),
			integrity: `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}`,
		},
	};
	const packument = {
		_id: manifest.name,
		name: manifest.name,
		'dist-tags': { latest: manifest.version },
		versions: { [manifest.version]: version },
	};
	const encoded = encodeURIComponent(manifest.name);
	const names = new Set([`/${manifest.name}`, `/${encoded}`]);
	const tarballs = { served: 0 };

	const fake = createFake({
		name: 'npm registry',
		baseUrl: REGISTRY,
		authorize() {},
		notFound: () => ({ error: 'Not found' }),
		routes: [
			[
				'GET',
				'/:name',
				({ url }) => {
					if (!names.has(url.pathname)) throw new HttpError(404, { error: 'Not found' });
					return json(200, packument);
				},
			],
			[
				'GET',
				'/:name/:version',
				({ url, params }) => {
					if (!names.has(`/${url.pathname.split('/')[1]}`))
						throw new HttpError(404, { error: 'Not found' });
					const wanted = params.version === 'latest' ? manifest.version : params.version;
					if (wanted !== manifest.version)
						throw new HttpError(404, { error: `version not found: ${params.version}` });
					return json(200, version);
				},
			],
			[
				'GET',
				'/:name/-/:file',
				({ url }) => {
					if (url.pathname !== tarballPath) throw new HttpError(404, { error: 'Not found' });
					tarballs.served++;
					return {
						status: 200,
						body: bytes,
						headers: { 'content-type': 'application/octet-stream' },
					};
				},
			],
		],
	});
	return Object.assign(fake, { state: { tarballs, version } });
}

/**
 * The registry side of `npm publish` for scripts/publish-dry-run.js, at `baseUrl` (a local port): the packument of
 * `name` with the versions already published (none: 404, a package npm has never seen), and npm's trusted-publishing
 * token exchange (npm/cli lib/utils/oidc.js: `POST /-/npm/v1/oidc/token/exchange/package/<name>` with the CI's OIDC
 * token as Bearer). The exchange answers `publishToken` only for a package that exists and a token `acceptIdToken`
 * accepts, as npm does: a trusted publisher is configured on a package's settings page, so a first version cannot
 * use it (https://docs.npmjs.com/trusted-publishers). `requests` logs each request with its Authorization header.
 */
function createPublishRegistryFake({ baseUrl, name, published, acceptIdToken, publishToken }) {
	const exchanges = { granted: 0, refused: 0 };
	const packument = () => ({
		_id: name,
		name,
		'dist-tags': { latest: published[published.length - 1] },
		versions: Object.fromEntries(
			published.map((version) => [version, { name, version, _id: `${name}@${version}` }]),
		),
	});
	const fake = createFake({
		name: 'npm registry (publish)',
		baseUrl,
		authorize() {},
		notFound: () => ({ error: 'Not found' }),
		routes: [
			[
				'GET',
				'/:name',
				({ params }) => {
					if (params.name !== name || published.length === 0)
						throw new HttpError(404, { error: 'Not found' });
					return json(200, packument());
				},
			],
			[
				'POST',
				'/-/npm/v1/oidc/token/exchange/package/:name',
				({ params, headers }) => {
					const idToken = /^Bearer (.+)$/.exec(String(headers.authorization ?? ''))?.[1];
					if (params.name !== name || published.length === 0) {
						exchanges.refused++;
						throw new HttpError(404, { message: 'No trusted publisher for this package' });
					}
					if (!idToken || !acceptIdToken(idToken)) {
						exchanges.refused++;
						throw new HttpError(401, { message: 'OIDC token not accepted' });
					}
					exchanges.granted++;
					return json(201, { token: publishToken });
				},
			],
		],
	});
	return Object.assign(fake, { state: { exchanges } });
}

module.exports = { createNpmRegistryFake, createPublishRegistryFake, REGISTRY };
