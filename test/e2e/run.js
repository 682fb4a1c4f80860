#!/usr/bin/env node
'use strict';
/**
 * End-to-end suite: this package, packed and installed into a fresh n8n user folder, run by a real, pinned n8n
 * against fake vendor servers on this machine.
 *
 *   npm run test:e2e                       build, pack, install, run every vendor whose node exists
 *   npm run test:e2e -- ticketsource       only the vendors named (folder names under vendors/)
 *   npm run test:e2e -- --dump             print what each workflow node output (for writing expectations)
 *   npm run test:e2e -- --break=icon       self-check: remove the node icons from the installed copy (must fail)
 *   npm run test:e2e -- --break=n8n-entry  self-check: drop the nodes from the installed package.json "n8n" section
 *   CONTACT_SUITE_E2E_BAD_INPUT_ONLY=1     only the bad-input table (faults/bad-input.js), for writing cases (~40 s)
 *
 * A vendor is a folder `vendors/<name>/index.js` (see vendors/ticketsource): its fake server, credentials,
 * workflows and the output each workflow node must produce. It is picked up when its node's source exists.
 * Vendor host names resolve to this run's own 127.x.y.z address inside n8n only (lib/resolve-to-fakes.js); every other name fails there.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const { n8n, parseRun, runView, startServer, ownerSession, workflowEnv } = require('./lib/n8n-cli');
const { checkNode, match } = require('./lib/expect');
const { liveHelpers } = require('./lib/live');
const setup = require('./lib/setup');

const { REPO, PACKAGE } = setup;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;
const say = (message) => console.log(`[e2e ${elapsed()}] ${message}`);

const results = [];
function record(name, problems, durationMs) {
	results.push({ name, problems });
	const time = durationMs === undefined ? '' : ` (${(durationMs / 1000).toFixed(1)} s)`;
	if (problems.length) {
		console.log(`  ✗ ${name}${time}`);
		for (const p of problems) console.log(`      ${String(p).split('\n').join('\n      ')}`);
	} else {
		console.log(`  ✓ ${name}${time}`);
	}
}

/**
 * `n8n execute` starts a workflow at its Manual Trigger only (n8n cli `findCliWorkflowStart`) and ignores pinned data
 * outside manual runs (`WorkflowRunner.resolvePinData`). An example that starts at a Form Trigger runs here from a
 * Manual Trigger and a Code node of the form trigger's name that outputs the submission pinned to it in the example.
 */
function withFormStandIn(definition) {
	const form = definition.nodes.find((n) => n.type === 'n8n-nodes-base.formTrigger');
	if (!form) return definition;
	const submission = definition.pinData?.[form.name];
	if (!Array.isArray(submission) || !submission.length)
		throw new Error(`${definition.name}: the Form Trigger "${form.name}" has no pinned submission`);
	const manual = `${form.name} (manual stand-in)`;
	const standIn = {
		parameters: { jsCode: `return ${JSON.stringify(submission)};` },
		name: form.name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: form.position,
		id: form.id,
	};
	return {
		...definition,
		nodes: [
			{
				parameters: {},
				name: manual,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [form.position[0] - 220, form.position[1]],
				id: `${form.id}-manual`,
			},
			...definition.nodes.map((n) => (n === form ? standIn : n)),
		],
		connections: {
			...definition.connections,
			[manual]: { main: [[{ node: form.name, type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/**
 * The workflows under examples/ (README "Examples"), each with the vendor whose node it uses; one whose vendor is not
 * in this run is left out. They use the vendor credentials by the ids above, so they import and run as they are (one
 * that starts at a Form Trigger with a stand-in, see withFormStandIn).
 */
function loadExamples(vendors) {
	const dir = path.join(REPO, 'examples');
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => {
			const file = path.join(dir, f);
			const definition = withFormStandIn(JSON.parse(fs.readFileSync(file, 'utf8')));
			const vendor = vendors.find((v) => definition.nodes.some((n) => n.type === v.nodeType));
			return vendor && { vendor, file, definition };
		})
		.filter(Boolean);
}

/**
 * The runs of one trigger check: its workflow (`file`) or workflows (`files`) as they are, or, with `modes`
 * ({ name, env }), once per mode on copies whose ids carry the mode's index before their last character and
 * whose names say the mode.
 */
function triggerRuns(workflow) {
	const originals = (workflow.files ?? [workflow.file]).map((file) =>
		JSON.parse(fs.readFileSync(file, 'utf8')),
	);
	const modes = workflow.modes ?? [{ name: '', env: {} }];
	return modes.map((mode, i) => {
		const definitions = workflow.modes
			? originals.map((d) => ({
					...d,
					id: `${d.id.slice(0, -2)}${i}${d.id.slice(-1)}`,
					name: `${d.name} (${mode.name})`,
				}))
			: originals;
		return { mode, definitions, definition: definitions[0] };
	});
}

/** An example passes when it ran without an error and every node of this package in it output at least one item. */
function exampleWorkflow({ file, definition }) {
	const ours = definition.nodes
		.filter((n) => n.type.startsWith(`${PACKAGE.name}.`))
		.map((n) => n.name);
	return {
		file,
		after: ({ run }) =>
			ours.filter((name) => !run.items(name).length).map((name) => `"${name}" output no items`),
	};
}

function parseArgs(argv) {
	const only = argv.filter((a) => !a.startsWith('--'));
	const breakArg = argv.find((a) => a.startsWith('--break='));
	return {
		only,
		breakWhat: breakArg ? breakArg.slice('--break='.length) : undefined,
		keep: argv.includes('--keep'),
		dump: argv.includes('--dump'),
	};
}

/** Deliberately breaks the installed copy, to prove the suite notices packaging mistakes. */
function breakInstalledPackage(installedDir, what) {
	const manifestPath = path.join(installedDir, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	if (what === 'icon') {
		const icons = execFileSync('find', [path.join(installedDir, 'dist'), '-name', '*.svg'])
			.toString()
			.trim()
			.split('\n')
			.filter(Boolean);
		for (const icon of icons) fs.rmSync(icon);
		say(`--break=icon: removed ${icons.length} icon(s) from the installed copy`);
	} else if (what === 'n8n-entry') {
		manifest.n8n.nodes = [];
		fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
		say('--break=n8n-entry: emptied "n8n.nodes" in the installed package.json');
	} else {
		throw new Error(`unknown --break=${what} (icon | n8n-entry)`);
	}
}

async function runWorkflow(rt, env, vendor, workflow, fake) {
	const definition = JSON.parse(fs.readFileSync(workflow.file, 'utf8'));
	const name = `${vendor.name} › ${workflow.name ?? definition.name}`;
	const t0 = Date.now();
	const before = fake.requests.length;
	const { code, stdout, stderr } = await n8n(
		rt,
		['execute', `--id=${definition.id}`, '--rawOutput'],
		workflowEnv(env, workflow),
	);
	const run = parseRun(stdout);
	const problems = [];
	if (!run) {
		const lines = (stdout + stderr).trim().split('\n');
		const telling = lines.filter(
			(l) =>
				/unrecognized|cannot find|error:|failed/i.test(l) && !/^\s+at |Python task runner/.test(l),
		);
		problems.push(
			`n8n execute printed no run (exit ${code})`,
			[...new Set(telling.length ? telling : lines.slice(-15))].slice(-6).join('\n'),
		);
	} else {
		const view = runView(run);
		if (workflow.dump) {
			for (const node of definition.nodes) {
				const items = view.items(node.name);
				const errors = view.errorItems(node.name);
				console.log(
					`    ${node.name}: ${JSON.stringify(items.slice(0, 3))}${items.length > 3 ? ` … ${items.length} items` : ''}${errors.length ? ` error output: ${JSON.stringify(errors)}` : ''}`,
				);
			}
		}
		if (view.error)
			problems.push(
				`the workflow failed: ${view.error.message}${view.error.description ? ` — ${view.error.description}` : ''}`,
			);
		problems.push(
			...view.nodeErrors().filter((e) => !view.error || !e.includes(view.error.message)),
		);
		for (const [nodeName, expected] of Object.entries(workflow.outputs ?? {}))
			problems.push(...checkNode(view, nodeName, expected));
		for (const [nodeName, expected] of Object.entries(workflow.errorOutputs ?? {}))
			problems.push(...checkNode(view, nodeName, expected, 'errorItems'));
		if (workflow.after)
			problems.push(...workflow.after({ fake, requests: fake.requests.slice(before), run: view }));
	}
	record(name, problems, Date.now() - t0);
}

/** What a user sees first: the node and credential in the editor's lists, with their icons. */
async function checkEditorListing(session, vendor) {
	const problems = [];
	const nodes = await session.request('GET', '/types/nodes.json');
	const types = Array.isArray(nodes.json) ? nodes.json : [];
	const node = types.find((t) => t.name === vendor.nodeType);
	if (!node)
		problems.push(
			`node type ${vendor.nodeType} is not in the editor's node list (${types.length} types loaded)`,
		);
	else problems.push(...(await checkIcon(session, `node ${node.displayName}`, node)));
	const credentials = await session.request('GET', '/types/credentials.json');
	for (const type of vendor.credentialTypes) {
		const credential = (Array.isArray(credentials.json) ? credentials.json : []).find(
			(c) => c.name === type,
		);
		if (!credential)
			problems.push(`credential type ${type} is not in the editor's credential list`);
		else
			problems.push(
				...(await checkIcon(session, `credential ${credential.displayName}`, credential)),
			);
	}
	return problems;
}

/** A resource-locator list as the editor loads it (POST /rest/dynamic-node-parameters/resource-locator-results). */
async function checkPicker(session, vendor, picker) {
	const credential = vendor.credentials.find((c) => c.id === picker.credential);
	const res = await session.request(
		'POST',
		'/rest/dynamic-node-parameters/resource-locator-results',
		{
			path: `parameters.${picker.parameter}`,
			nodeTypeAndVersion: { name: vendor.nodeType, version: 1 },
			currentNodeParameters: picker.parameters,
			methodName: picker.method,
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			...(picker.filter === undefined ? {} : { filter: picker.filter }),
		},
	);
	const results = res.json?.data?.results;
	if (res.status !== 200 || !Array.isArray(results))
		return [`the list did not load: ${res.status} ${res.text.slice(0, 400)}`];
	return match(results, picker.expect, undefined, 'results');
}

async function checkIcon(session, what, description) {
	const urls = [description.iconUrl]
		.flat()
		.flatMap((u) => (u && typeof u === 'object' ? Object.values(u) : [u]))
		.filter(Boolean);
	if (!urls.length) return [`${what} has no icon`];
	const problems = [];
	for (const url of urls) {
		const res = await session.request('GET', `/${String(url).replace(/^\//, '')}`);
		if (res.status !== 200 || !res.text.includes('<svg'))
			problems.push(`${what}: icon ${url} answers ${res.status}, not an SVG`);
	}
	return problems;
}

async function main() {
	const { only, breakWhat, keep, dump } = parseArgs(process.argv.slice(2));
	const vendors = setup.loadVendors({ only, say });
	if (!vendors.length) {
		record('at least one vendor node to test', [
			'no vendor folder under test/e2e/vendors has its node in nodes/',
		]);
		return;
	}
	say(`vendors: ${vendors.map((v) => v.name).join(', ')}`);

	const fakeTests = fs
		.readdirSync(path.join(__dirname, 'fakes'))
		.filter((f) => f.endsWith('.test.js'))
		.map((f) => path.join(__dirname, 'fakes', f));
	// The fakes are only worth what they refuse: their own checks run first (node's test runner, well under 1 s).
	const selfTest = spawnSync(process.execPath, ['--test', '--test-reporter=dot', ...fakeTests], {
		encoding: 'utf8',
	});
	record(
		'fake vendor servers pass their own checks (node --test test/e2e/fakes)',
		selfTest.status === 0 ? [] : [(selfTest.stdout + selfTest.stderr).trim()],
	);

	const built = setup.build({ skip: process.env.CONTACT_SUITE_E2E_SKIP_BUILD === '1', say });
	if (built !== 0) {
		record('npm run build', [`the build failed (exit ${built}); see above`]);
		return;
	}

	let work;
	const cleanup = () => work && setup.removeWork({ work, keep, say });
	// Ctrl+C: n8n children get the signal from the terminal too; leave no temp folder behind.
	process.once('SIGINT', () => {
		cleanup();
		process.exit(130);
	});
	let fakes;
	let server;
	try {
		const installation = await setup.installPackage({ name: 'e2e', say });
		({ work } = installation);
		const { rt, userFolder, tarball, files, installed } = installation;
		say(`packed ${path.basename(tarball)} (${files.length} files)`);
		// n8n loads a package all or nothing: one listed file missing and none of its nodes appear.
		const listed = [...(PACKAGE.n8n?.nodes ?? []), ...(PACKAGE.n8n?.credentials ?? [])];
		record(
			'the packed package carries every file its package.json "n8n" section lists',
			listed
				.filter((f) => !files.includes(f))
				.map((f) => `${f} is listed but not in the package (n8n will load none of its nodes)`),
		);
		say(`installed into ${path.relative(work, installed)} of a fresh user folder`);
		if (breakWhat) breakInstalledPackage(installed, breakWhat);

		const active = vendors.map((v) => ({ vendor: v, hosts: v.hosts, fake: v.createFake() }));
		const started = await setup.startFakes({ work, slots: active });
		fakes = started.fakes;
		const { hosts } = started;
		say(`fake vendors on ${fakes.address}:${fakes.port} for ${hosts.join(', ')}`);

		const { env, port } = await setup.n8nEnvironment({
			rt,
			userFolder,
			...started,
			encryptionKey: 'contact-suite-e2e-encryption-key',
		});

		const credentials = vendors.flatMap((v) => v.credentials);
		// A workflow file may be run more than once (with another `env`): imported once. Trigger workflows are
		// imported as the copies each scheduler mode runs.
		const workflowFiles = new Set(vendors.flatMap((v) => v.workflows.map((w) => w.file)));
		const workflows = [
			...[...workflowFiles].map((file) => JSON.parse(fs.readFileSync(file, 'utf8'))),
			...vendors.flatMap((v) =>
				(v.triggerWorkflows ?? []).flatMap((w) => triggerRuns(w).flatMap((r) => r.definitions)),
			),
		];
		const examples = loadExamples(vendors);
		workflows.push(...examples.map((e) => e.definition));
		await setup.importIntoN8n({ rt, env, work, credentials, workflows });
		say(`imported ${credentials.length} credential(s) and ${workflows.length} workflow(s)`);

		// CONTACT_SUITE_E2E_BAD_INPUT_ONLY=1 (while writing cases): only the bad-input table and the secret/host checks.
		const badInputOnly = process.env.CONTACT_SUITE_E2E_BAD_INPUT_ONLY === '1';
		for (const entry of badInputOnly ? [] : active) {
			// A workflow with a `createFake` of its own (a server that misbehaves, a rate limit) runs against that.
			const clean = entry.fake;
			for (const workflow of entry.vendor.workflows) {
				entry.fake = workflow.createFake ? workflow.createFake() : clean;
				try {
					await runWorkflow(rt, env, entry.vendor, { ...workflow, dump }, entry.fake);
				} finally {
					entry.fake = clean;
				}
			}
		}
		// Each example runs against a fresh fake of its vendor, so the fault suite's "creates stored = clean run"
		// compares the vendor workflows only.
		for (const example of badInputOnly ? [] : examples) {
			const entry = active.find((a) => a.vendor === example.vendor);
			const clean = entry.fake;
			entry.fake = entry.vendor.createFake();
			try {
				await runWorkflow(
					rt,
					env,
					{ name: `example ${path.basename(example.file)}` },
					{ ...exampleWorkflow(example), dump },
					entry.fake,
				);
			} finally {
				entry.fake = clean;
			}
		}

		// Fault suite (test/e2e/faults): the same workflows under injected 429/503/dropped connections, retry budget, secrets.
		const faults = path.join(__dirname, 'faults', 'index.js');
		if (fs.existsSync(faults) && process.env.CONTACT_SUITE_E2E_SKIP_FAULTS !== '1') {
			await require(faults).runFaults({ rt, env, active, installed, record, say, hosts, work });
		}

		if (badInputOnly) return;
		say('starting n8n for the editor checks and credential tests');
		server = await startServer(rt, env, port);
		const session = await ownerSession(server.base);
		for (const { vendor } of active) {
			const t0 = Date.now();
			record(
				`${vendor.name} › node and credential listed in the editor, with icons`,
				await checkEditorListing(session, vendor),
				Date.now() - t0,
			);
			for (const picker of vendor.pickers ?? []) {
				const t1 = Date.now();
				record(
					`${vendor.name} › picker "${picker.parameter}" lists ${picker.label}`,
					await checkPicker(session, vendor, picker),
					Date.now() - t1,
				);
			}
			for (const test of vendor.credentialTests) {
				const credential = vendor.credentials.find((c) => c.id === test.credential);
				const t1 = Date.now();
				const res = await session.request('POST', '/rest/credentials/test', {
					credentials: credential,
				});
				const verdict = res.json?.data ?? res.json;
				const problems = [];
				if (verdict?.status !== test.status)
					problems.push(
						`expected status ${test.status}, got ${res.status} ${JSON.stringify(res.json ?? res.text).slice(0, 400)}`,
					);
				else if (test.message && !test.message.test(String(verdict.message)))
					problems.push(
						`message ${JSON.stringify(verdict.message)} does not match ${test.message}`,
					);
				const said = verdict?.message ? `: "${String(verdict.message).slice(0, 80)}"` : '';
				record(
					`${vendor.name} › credential test "${credential.name}" says ${test.status}${said}`,
					problems,
					Date.now() - t1,
				);
			}
		}
		// Trigger nodes: workflows activated in the running n8n, started by the fake (webhook) or by n8n (polling).
		// A trigger workflow with `modes` runs once per mode, each in an n8n started with that mode's env (a
		// scheduler setting), on a copy of the workflow of its own (no state carried from one mode to the next).
		const runs = active.flatMap(({ vendor, fake }) =>
			(vendor.triggerWorkflows ?? []).flatMap((workflow) =>
				triggerRuns(workflow).map((run) => ({ vendor, fake, workflow, ...run })),
			),
		);
		let running = {};
		let live = liveHelpers({ session, base: server.base, rt });
		for (const { vendor, fake, workflow, definition, definitions, mode } of runs.sort(
			(a, b) => Object.keys(a.mode.env).length - Object.keys(b.mode.env).length,
		)) {
			if (JSON.stringify(mode.env) !== JSON.stringify(running)) {
				await server.stop();
				server = undefined;
				say(`starting n8n with ${JSON.stringify(mode.env)} (${mode.name})`);
				server = await startServer(rt, { ...env, ...mode.env }, port);
				running = mode.env;
				live = liveHelpers({ session: await ownerSession(server.base), base: server.base, rt });
			}
			const t0 = Date.now();
			let problems;
			try {
				const args = { ...live, definition, definitions, fake, say, mode, log: server.log };
				problems = await workflow.check(args);
			} catch (error) {
				problems = [error.stack || String(error)];
			} finally {
				for (const d of definitions) await live.deactivate(d.id).catch(() => {});
			}
			const name = workflow.name
				? `${workflow.name}${mode.name ? ` (${mode.name})` : ''}`
				: definition.name;
			record(`${vendor.name} › ${name}`, problems, Date.now() - t0);
		}
	} finally {
		if (server) await server.stop();
		if (fakes) await fakes.close();
		cleanup();
	}
}

main()
	.catch((error) => record('e2e setup', [error.stack || String(error)]))
	.finally(() => {
		const failed = results.filter((r) => r.problems.length).length;
		console.log(`\ne2e finished in ${elapsed()}`);
		console.log(`${results.length - failed} passed, ${failed} failed`);
		process.exitCode = failed || !results.length ? 1 : 0;
	});
