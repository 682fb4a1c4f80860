'use strict';
/**
 * GitHub Actions' OIDC token endpoint for a job with `permissions: id-token: write`: the job gets
 * ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, and `GET <url>&audience=<aud>` with
 * `Authorization: Bearer <request token>` answers `{ "value": "<JWT>" }` (https://docs.github.com/en/actions/
 * security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect).
 * The JWT here is unsigned: the payload carries the claims npm reads (aud, repository, workflow_ref).
 */
const crypto = require('node:crypto');
const { HttpError, json, createFake } = require('./router');

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

function createGithubOidcFake({ baseUrl, claims }) {
	const requestToken = crypto.randomBytes(16).toString('hex');
	const issued = new Map();
	const fake = createFake({
		name: 'GitHub Actions OIDC',
		baseUrl,
		authorize(req) {
			if (req.headers.authorization !== `Bearer ${requestToken}`)
				throw new HttpError(401, { message: 'Bad request token' });
		},
		routes: [
			[
				'GET',
				'/_oidc/token',
				({ query }) => {
					const aud = query.get('audience');
					if (!aud) throw new HttpError(400, { message: 'audience is required' });
					const jwt = [
						base64url({ alg: 'none', typ: 'JWT' }),
						base64url({ ...claims, aud, jti: crypto.randomUUID() }),
						'',
					].join('.');
					issued.set(jwt, aud);
					return json(200, { value: jwt });
				},
			],
		],
	});
	return Object.assign(fake, {
		env: {
			ACTIONS_ID_TOKEN_REQUEST_URL: `${baseUrl}/_oidc/token?api-version=2.0`,
			ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
		},
		/** The audience a token was issued for, undefined for a token this fake never issued. */
		audienceOf: (jwt) => issued.get(jwt),
	});
}

module.exports = { createGithubOidcFake };
