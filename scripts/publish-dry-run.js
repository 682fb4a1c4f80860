#!/usr/bin/env node
/**
 * Runs .github/workflows/publish.yml's publish path, as written there, up to `npm publish --dry-run --provenance`
 * against a local registry stand-in, so a release that would fail is seen in CI before a tag is pushed:
 *   first    the package is not on the registry: the mode step says `first`, the step that passes the NPM_TOKEN
 *            secret runs, npm's trusted-publishing exchange is refused (no package yet) and npm keeps the token;
 *   trusted  the package is on the registry (the versions CHANGELOG.md lists before this one): the mode step says
 *            `trusted`, the step without a token runs, npm trades the job's OIDC token for a publish token.
 * and that the guard (prepublishOnly) refuses the two wrong ways (a token for a later version, none for the first).
 * Each step's `run`, `if` and `env` are read from publish.yml; GitHub's variables for a tag run of publish.yml are
 * set as GitHub Actions sets them (https://docs.github.com/en/actions/reference/variables-reference), and setup-node's
 * .npmrc is written as actions/setup-node writes it (`//<registry>/:_authToken=${NODE_AUTH_TOKEN}`).
 * Not exercised here: the provenance statement itself (npm signs it with Sigstore only when it really publishes,
 * not on --dry-run), GitHub's real OIDC token and npm's real token exchange, and the upload.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const yaml = require('js-yaml');

const { createPublishRegistryFake } = require('../test/e2e/fakes/npm-registry');
const { createGithubOidcFake } = require('../test/e2e/fakes/github-oidc');

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const repo = pkg.repository.url.replace(/^git\+https:\/\/github\.com\//, '').replace(/\.git$/, '');

/** The publish job's mode step and publish steps, and what the job is allowed (permissions, environment). */
function readPublishJob(file) {
	const workflow = yaml.load(fs.readFileSync(file, 'utf8'));
	const job = workflow.jobs.publish;
	if (!job) throw new Error(`${file} has no "publish" job`);
	const mode = job.steps.find((step) => step.id === 'registry');
	if (!mode)
		throw new Error('the publish job has no step with id "registry" (first publish or trusted)');
	const publish = job.steps.filter((step) => /^\s*npm publish\b/.test(step.run ?? ''));
	if (publish.length === 0) throw new Error('the publish job has no `npm publish` step');
	return { job, mode, publish };
}

/** GitHub's `if:` for the forms publish.yml uses: `steps.<id>.outputs.<name> == '<value>'`. */
function stepRuns(step, outputs) {
	if (step.if === undefined) return true;
	const match = /^\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*==\s*'([^']*)'\s*$/.exec(step.if);
	if (!match) throw new Error(`unsupported if: ${step.if}`);
	return (outputs[match[1]]?.[match[2]] ?? '') === match[3];
}

/** A step's `env:` with `${{ secrets.NAME }}` as GitHub gives it: the secret, or '' when there is none. */
function stepEnv(step, secrets) {
	return Object.fromEntries(
		Object.entries(step.env ?? {}).map(([name, value]) => {
			const text = String(value);
			const secret = /^\$\{\{\s*secrets\.([\w]+)\s*\}\}$/.exec(text);
			if (secret) return [name, secrets[secret[1]] ?? ''];
			if (text.includes('${{')) throw new Error(`unsupported expression in env ${name}: ${text}`);
			return [name, text];
		}),
	);
}

/** The versions CHANGELOG.md lists below the newest section: what the registry holds before this release. */
function earlierVersions(changelog) {
	const versions = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+[^\]]*)\]/gm)].map((m) => m[1]);
	return versions.slice(1).reverse();
}

/** Runs a step's script with bash -e, as a GitHub-hosted runner does; the fakes answer meanwhile (async). */
function runStep(step, env) {
	console.log(`\n::: ${step.name ?? step.id}\n$ ${step.run.trim()}`);
	return new Promise((resolve, reject) => {
		const child = spawn('bash', ['-e', '-c', step.run], {
			cwd: root,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const keep = (chunk) => {
			output += chunk;
			process.stdout.write(chunk);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, output }));
	});
}

/** The Authorization header of each packument read npm made (the guard's own reads carry none). */
const npmReads = (registry) =>
	registry.requests
		.filter((r) => r.method === 'GET' && /^npm\//.test(String(r.headers['user-agent'] ?? '')))
		.map((r) => r.headers.authorization);

async function main() {
	const { job, mode, publish } = readPublishJob(
		path.join(root, '.github', 'workflows', 'publish.yml'),
	);
	const failures = [];
	const expect = (ok, what) => {
		console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
		if (!ok) failures.push(what);
	};
	// npm's trusted publishing (lib/utils/oidc.js) is in npm 11.5.1 and newer; publish.yml installs such an npm.
	const npmVersion = await runStep({ name: 'npm version', run: 'npm --version' }, process.env);
	const [major, minor, patch] = npmVersion.output.trim().split('.').map(Number);
	expect(
		major * 1e6 + minor * 1e3 + patch >= 11_005_001,
		`npm ${npmVersion.output.trim()} is 11.5.1 or newer`,
	);
	const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
	expect(
		lock.version === pkg.version && lock.packages?.['']?.version === pkg.version,
		`package-lock.json's version is package.json's ${pkg.version} (npm version X.Y.Z sets both)`,
	);
	expect(job.permissions?.['id-token'] === 'write', 'publish job: permissions id-token: write');
	expect(
		(job.environment?.name ?? job.environment) === 'release',
		'publish job: environment release',
	);

	const server = http.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${server.address().port}`;
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-dry-run-'));
	const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
	const version = pkg.version;
	const npmToken = 'npm_first-publish-token-from-the-secret';
	const publishToken = 'npm_one-time-token-from-trusted-publishing';
	const oidc = createGithubOidcFake({
		baseUrl,
		claims: {
			repository: repo,
			workflow_ref: `${repo}/.github/workflows/publish.yml@refs/tags/${version}`,
			environment: 'release',
		},
	});
	let registry;
	server.on('request', (req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const fake = req.url.startsWith('/_oidc/') ? oidc : registry;
			const reply = await fake.handle(req, Buffer.concat(chunks));
			const body = Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body ?? {});
			res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
			res.end(body);
		});
	});

	const scenario = (name, { published, secrets, expectedMode }) => {
		registry = createPublishRegistryFake({
			baseUrl,
			name: pkg.name,
			published,
			acceptIdToken: (jwt) => oidc.audienceOf(jwt) === `npm:127.0.0.1`,
			publishToken,
		});
		const npmrc = path.join(tmp, `${name}.npmrc`);
		const registryUrl = `${baseUrl}/`;
		fs.writeFileSync(
			npmrc,
			`//127.0.0.1:${server.address().port}/:_authToken=\${NODE_AUTH_TOKEN}\nregistry=${registryUrl}\n`,
		);
		const outputFile = path.join(tmp, `${name}.output`);
		fs.writeFileSync(outputFile, '');
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(
				([key]) => !/^(GITHUB_|ACTIONS_|RUNNER_|NODE_AUTH_TOKEN$|NPM_ID_TOKEN$|npm_)/i.test(key),
			),
		);
		const env = {
			...inherited,
			CI: 'true',
			GITHUB_ACTIONS: 'true',
			GITHUB_WORKFLOW_REF: `${repo}/.github/workflows/publish.yml@refs/tags/${version}`,
			GITHUB_REF: `refs/tags/${version}`,
			GITHUB_REF_TYPE: 'tag',
			GITHUB_REF_NAME: version,
			GITHUB_REPOSITORY: repo,
			GITHUB_OUTPUT: outputFile,
			...(job.permissions?.['id-token'] === 'write' ? oidc.env : {}),
			NPM_CONFIG_USERCONFIG: npmrc,
			npm_config_registry: registryUrl,
			npm_config_dry_run: 'true',
		};
		return { env, outputFile, secrets, expectedMode, name };
	};

	const runScenario = async ({ env, outputFile, secrets, expectedMode, name }) => {
		console.log(`\n=== ${name}`);
		const modeRun = await runStep(mode, { ...env, ...stepEnv(mode, secrets) });
		expect(modeRun.status === 0, `${name}: the mode step succeeds`);
		const outputs = {
			registry: Object.fromEntries(
				fs
					.readFileSync(outputFile, 'utf8')
					.split('\n')
					.filter(Boolean)
					.map((line) => line.split('=')),
			),
		};
		expect(outputs.registry.mode === expectedMode, `${name}: mode=${expectedMode}`);
		const chosen = publish.filter((step) => stepRuns(step, outputs));
		expect(chosen.length === 1, `${name}: exactly one publish step runs (${chosen.length})`);
		if (chosen.length !== 1) return undefined;
		const run = await runStep(chosen[0], { ...env, ...stepEnv(chosen[0], secrets) });
		return { step: chosen[0], run };
	};

	try {
		const earlier = earlierVersions(changelog);

		// The very first version: nothing on the registry, the NPM_TOKEN secret set.
		const first = await runScenario(
			scenario('first publish', {
				published: [],
				secrets: { NPM_TOKEN: npmToken },
				expectedMode: 'first',
			}),
		);
		if (first) {
			expect(first.run.status === 0, 'first publish: npm publish --dry-run succeeds');
			expect(
				first.run.output.includes(`+ ${pkg.name}@${version}`),
				`first publish: npm would publish ${pkg.name}@${version}`,
			);
			expect(/--provenance/.test(first.step.run), 'first publish: the step passes --provenance');
			expect(registry.state.exchanges.granted === 0, 'first publish: no trusted-publishing token');
			const auth = npmReads(registry);
			expect(
				auth.includes(`Bearer ${npmToken}`),
				'first publish: npm talks to the registry with the NPM_TOKEN secret',
			);
		}

		// Every later version: the package is on the registry, no secret (it was deleted after the first publish).
		const trusted = await runScenario(
			scenario('trusted publishing', { published: earlier, secrets: {}, expectedMode: 'trusted' }),
		);
		if (trusted) {
			expect(trusted.run.status === 0, 'trusted publishing: npm publish --dry-run succeeds');
			expect(
				trusted.run.output.includes(`+ ${pkg.name}@${version}`),
				`trusted publishing: npm would publish ${pkg.name}@${version} over ${earlier.join(', ')}`,
			);
			expect(
				/--provenance/.test(trusted.step.run),
				'trusted publishing: the step passes --provenance',
			);
			expect(
				registry.state.exchanges.granted === 1,
				'trusted publishing: npm traded the OIDC token for a publish token',
			);
			const auth = npmReads(registry);
			expect(
				auth.length > 0 && auth.every((a) => a === `Bearer ${publishToken}`),
				'trusted publishing: npm talks to the registry with the exchanged token only',
			);
		}

		// The guard refuses the two wrong ways before anything is built.
		const tokenStep = publish.find((step) =>
			Object.keys(step.env ?? {}).includes('NODE_AUTH_TOKEN'),
		);
		const plainStep = publish.find(
			(step) => !Object.keys(step.env ?? {}).includes('NODE_AUTH_TOKEN'),
		);
		if (tokenStep && plainStep) {
			const later = scenario('later version with the token', {
				published: earlier,
				secrets: { NPM_TOKEN: npmToken },
			});
			const refusedLater = await runStep(tokenStep, {
				...later.env,
				...stepEnv(tokenStep, later.secrets),
			});
			expect(
				refusedLater.status !== 0 &&
					/Publishing refused: .*trusted publishing/.test(refusedLater.output),
				'a later version with the npm token is refused by the guard',
			);
			const firstNoToken = scenario('first version without the token', {
				published: [],
				secrets: {},
			});
			const refusedFirst = await runStep(plainStep, firstNoToken.env);
			expect(
				refusedFirst.status !== 0 && /Publishing refused: .*NPM_TOKEN/.test(refusedFirst.output),
				'a first version without the npm token is refused by the guard',
			);
		} else {
			expect(false, 'publish.yml has one publish step with NODE_AUTH_TOKEN and one without');
		}
	} finally {
		server.close();
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	console.log(
		failures.length === 0
			? `\npublish dry run of ${pkg.name}@${version}: ok`
			: `\npublish dry run failed: ${failures.join('; ')}`,
	);
	return failures.length;
}

module.exports = { stepRuns, stepEnv, earlierVersions, readPublishJob };

if (require.main === module) {
	main().then(
		(failures) => process.exit(failures === 0 ? 0 : 1),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
