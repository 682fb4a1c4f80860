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

module.exports = { createNpmRegistryFake, REGISTRY };
