'use strict';
/**
 * Bad-input table (issue 8), run by the fault suite in the same real n8n: one workflow in which every group of
 * cases is a Code node feeding the vendor node its items (the bad ones and at least one good one), the vendor node
 * set to "continue (using error output)". Each bad case must land on the error output, paired to its own item, with
 * a message naming the parameter; the good items must come out as in a clean run; the fake must have seen only the
 * good items' requests; and no host but a fake vendor host may have been looked up. Credential-level cases (a bad
 * jtel Server URL, a Quentn System ID with a host in it) get a credential and a node each.
 */
const fs = require('node:fs');
const path = require('node:path');
const { n8n, parseRun } = require('../lib/n8n-cli');
const { match } = require('../lib/expect');

const WORKFLOW_ID = 'e2eBadInput00001';
const EVIL = 'evil.example';
const present = (value) =>
	(value !== undefined && value !== null && value !== '') || 'expected a value';

/**
 * The groups. `cases` are [label, item json, message the error must match]; `good` the items that must succeed;
 * `requests` how many requests the good items cost; `prepare(fake)` seeds the vendor's fake and may return values
 * the items use. Parameters read the item with expressions, as a user maps them from an earlier node.
 */
function groups() {
	return [
		// TicketSource: opaque ids (cst-…), e-mail checked before sending.
		{
			vendor: 'ticketsource',
			name: 'TicketSource get customer',
			parameters: { resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' },
			prepare: (fake) => ({ id: [...fake.state.customers.keys()][0] }),
			good: (seed) => [{ id: seed.id }],
			goodOutput: (seed) => ({ id: seed.id }),
			requests: 1,
			cases: [
				['empty id', { id: '' }, /^"Customer ID" is empty$/],
				[
					'id with a path',
					{ id: '../customers' },
					/^"Customer ID" is not a valid ID: it contains "\/"$/,
				],
				[
					'id with a query',
					{ id: 'cst-1?include=notes' },
					/^"Customer ID" is not a valid ID: it contains "\?"$/,
				],
				[
					'id with a fragment',
					{ id: 'cst-1#notes' },
					/^"Customer ID" is not a valid ID: it contains "#"$/,
				],
				[
					'id that is a URL on another host',
					{ id: `https://${EVIL}/customers` },
					/^"Customer ID" is not a valid ID/,
				],
			],
		},
		{
			vendor: 'ticketsource',
			name: 'TicketSource add note',
			parameters: {
				resource: 'customerNote',
				operation: 'create',
				customerId: '={{ $json.id }}',
				description: 'Bad-input table',
				createdBy: 'e2e',
			},
			prepare: (fake) => ({ id: [...fake.state.customers.keys()][0] }),
			good: (seed) => [{ id: seed.id }],
			goodOutput: () => ({ id: /^csn-/ }),
			requests: 1,
			cases: [
				['id ".."', { id: '..' }, /^"Customer ID" is not a valid ID: "\.\."$/],
				['id of spaces only', { id: '   ' }, /^"Customer ID" is empty$/],
			],
		},
		{
			vendor: 'ticketsource',
			name: 'TicketSource create customer',
			parameters: {
				resource: 'customer',
				operation: 'create',
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: '={{ $json.email }}',
				additionalFields: {},
			},
			good: () => [{ email: 'ada@example.com' }],
			goodOutput: () => ({ id: /^cst-/, email: 'ada@example.com' }),
			requests: 1,
			cases: [
				['e-mail without a domain', { email: 'ada@' }, /^"Email" is not a valid e-mail address$/],
				[
					'e-mail with a space',
					{ email: 'ada lovelace@example.com' },
					/^"Email" is not a valid e-mail address$/,
				],
			],
		},

		// Quentn: integer ids; the id must never be able to change the host it goes to.
		{
			vendor: 'quentn',
			name: 'Quentn get contact',
			parameters: { resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
			prepare: (fake) => {
				fake.state.contacts.set(1, {
					id: 1,
					mail: 'seed@example.org',
					first_name: 'Seed',
					family_name: 'Contact',
					terms: [],
					created: 0,
				});
				return {};
			},
			good: () => [{ id: 1 }],
			goodOutput: () => ({ id: 1, mail: 'seed@example.org' }),
			requests: 1,
			cases: [
				[
					'host injection "@host"',
					{ id: `1@${EVIL}` },
					/^"Contact ID" must be a number made of digits only$/,
				],
				[
					'host injection ".host"',
					{ id: `1.${EVIL}` },
					/^"Contact ID" must be a number made of digits only$/,
				],
				[
					'host injection "//host/"',
					{ id: `//${EVIL}/x` },
					/^"Contact ID" must be a number made of digits only$/,
				],
				[
					'id with ../',
					{ id: '1/../../terms' },
					/^"Contact ID" must be a number made of digits only$/,
				],
				['empty id', { id: '' }, /^"Contact ID" is empty$/],
			],
		},
		{
			vendor: 'quentn',
			name: 'Quentn tag contact',
			parameters: {
				resource: 'contactTerm',
				operation: 'add',
				contactId: 1,
				termIds: '={{ $json.termIds }}',
			},
			prepare: (fake) => {
				fake.state.contacts.set(1, {
					id: 1,
					mail: 'seed@example.org',
					first_name: 'Seed',
					family_name: 'Contact',
					terms: [],
					created: 0,
				});
				fake.state.terms.set(100, {
					id: 100,
					name: 'Newsletter',
					description: '',
					deletion_blocked: false,
				});
				return {};
			},
			good: () => [{ termIds: [100] }],
			goodOutput: () => ({ success: true }),
			requests: 1,
			cases: [
				[
					'term id that is a host',
					{ termIds: `100, ${EVIL}` },
					/^"Term IDs" must be a number made of digits only$/,
				],
				['no term ids', { termIds: [] }, /^"Term IDs" is empty$/],
			],
		},
		{
			vendor: 'quentn',
			name: 'Quentn find contact by email',
			parameters: { resource: 'contact', operation: 'getByEmail', email: '={{ $json.email }}' },
			prepare: (fake) => {
				fake.state.contacts.set(1, {
					id: 1,
					mail: 'seed@example.org',
					first_name: 'Seed',
					family_name: 'Contact',
					terms: [],
					created: 0,
				});
				return {};
			},
			good: () => [{ email: 'seed@example.org' }],
			goodOutput: () => ({ id: 1, mail: 'seed@example.org' }),
			requests: 1,
			cases: [
				[
					'not an e-mail address',
					{ email: 'not-an-email' },
					/^"Email" is not a valid e-mail address$/,
				],
			],
		},
		{
			vendor: 'quentn',
			name: 'Quentn create many contacts',
			parameters: {
				resource: 'contact',
				operation: 'createMany',
				email: '={{ $json.email }}',
				additionalFields: {},
			},
			good: () => [{ email: 'ada@example.com' }, { email: 'bob@example.com' }],
			goodOutput: () => ({ id: present }),
			requests: 1,
			cases: [
				[
					'e-mail with two @',
					{ email: 'ada@@example.com' },
					/^"Email" is not a valid e-mail address$/,
				],
			],
		},
		{
			vendor: 'quentn',
			name: 'Quentn System ID with a host in it',
			credential: { systemId: `${EVIL}#`, serverId: 's1' },
			parameters: { resource: 'contact', operation: 'get', contactId: 1 },
			cases: [['credential: System ID "evil.example#"', {}, /System ID/]],
		},
		{
			vendor: 'quentn',
			name: 'Quentn Server ID with a path in it',
			credential: { serverId: `s1.${EVIL}/` },
			parameters: { resource: 'contact', operation: 'get', contactId: 1 },
			cases: [['credential: Server ID "s1.evil.example/"', {}, /Server ID/]],
		},

		// Ticketmatic: integer ids; bulk import ≤ 1000 per call.
		{
			vendor: 'ticketmatic',
			name: 'Ticketmatic get contact',
			parameters: { resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
			prepare: (fake) => {
				fake.state.contacts.set(5, {
					id: 5,
					firstname: 'Seed',
					lastname: 'Contact',
					email: 'seed@example.org',
					relationtypes: [],
					isdeleted: false,
				});
				return {};
			},
			good: () => [{ id: 5 }],
			goodOutput: () => ({ id: 5, email: 'seed@example.org' }),
			requests: 1,
			cases: [
				[
					'id that is not a number',
					{ id: 'abc' },
					/^"Contact ID" must be a number made of digits only$/,
				],
				[
					'id with a path',
					{ id: '5/remarks' },
					/^"Contact ID" must be a number made of digits only$/,
				],
				[
					'id with a query',
					{ id: '5?email=x' },
					/^"Contact ID" must be a number made of digits only$/,
				],
				['id ".."', { id: '..' }, /^"Contact ID" must be a number made of digits only$/],
			],
		},
		{
			vendor: 'ticketmatic',
			name: 'Ticketmatic get relation type',
			parameters: { resource: 'relationType', operation: 'get', relationTypeId: '={{ $json.id }}' },
			good: () => [{ id: 1 }],
			goodOutput: () => ({ id: 1, name: 'Press' }),
			requests: 1,
			cases: [
				['empty id', { id: '' }, /^"Relation Type ID" is empty$/],
				[
					'id with a fragment',
					{ id: '1#x' },
					/^"Relation Type ID" must be a number made of digits only$/,
				],
			],
		},
		{
			vendor: 'ticketmatic',
			name: 'Ticketmatic import 1,001 contacts',
			parameters: {
				resource: 'contact',
				operation: 'import',
				email: '={{ $json.email }}',
				contactId: '={{ $json.id ?? "" }}',
				additionalFields: {},
			},
			good: () => Array.from({ length: 1001 }, (_, i) => ({ email: `import${i}@example.org` })),
			goodOutput: () => ({ id: present }),
			requests: 2,
			cases: [
				[
					'invalid e-mail among 1,001 good contacts',
					{ email: 'import@' },
					/^"Email" is not a valid e-mail address$/,
				],
				[
					'contact id that is not a number',
					{ email: 'x@example.org', id: '12/../13' },
					/^"Contact ID" must be a number made of digits only$/,
				],
			],
		},

		// jtel: the server is the user's; integer ids; Name and a phone number are required for an import.
		{
			vendor: 'jtel',
			name: 'jtel import contact',
			parameters: {
				resource: 'diallerContact',
				operation: 'import',
				campaignBy: 'id',
				campaignId: { __rl: true, mode: 'id', value: '={{ $json.campaign }}' },
				name: '={{ $json.name }}',
				phoneNumber1: '={{ $json.phone }}',
				overwriteDuplicates: false,
				additionalFields: {},
			},
			good: () => [{ campaign: '11', name: 'Mustermann', phone: '+4989123456' }],
			goodOutput: () => ({ ID: present, Name: 'Mustermann' }),
			requests: 1,
			cases: [
				['missing Name', { campaign: '11', name: '', phone: '+4989123456' }, /^"Name" is empty$/],
				[
					'missing phone number',
					{ campaign: '11', name: 'Mustermann', phone: '' },
					/^"Phone Number 1" is empty/,
				],
				[
					'campaign id with a path',
					{ campaign: '11/../12', name: 'Mustermann', phone: '+4989123456' },
					/^"Campaign" must be a number made of digits only$/,
				],
				[
					'empty campaign id',
					{ campaign: '', name: 'Mustermann', phone: '+4989123456' },
					/^"Campaign" is empty$/,
				],
			],
		},
		{
			vendor: 'jtel',
			name: 'jtel get campaign',
			parameters: {
				resource: 'diallerCampaign',
				operation: 'get',
				campaignId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			good: () => [{ id: '11' }],
			goodOutput: () => ({ ID: 11, Name: 'E2E campaign' }),
			requests: 1,
			cases: [
				[
					'campaign id with a path',
					{ id: '11/../12' },
					/^"Campaign ID" must be a number made of digits only$/,
				],
				[
					'campaign id that is a name',
					{ id: 'E2E campaign' },
					/^"Campaign ID" must be a number made of digits only$/,
				],
			],
		},
		...[
			['Server URL with another scheme', { serverUrl: 'ftp://jtel.e2e.test' }],
			['Server URL with a user name on another host', { serverUrl: `https://user:pw@${EVIL}` }],
			['Server URL with a query', { serverUrl: `https://jtel.e2e.test?next=${EVIL}` }],
			['Server URL without a scheme', { serverUrl: 'jtel.e2e.test' }],
			['Clients ID with a path', { clientsId: '42/../43' }, /Clients ID/],
		].map(([label, credential, message], i) => ({
			vendor: 'jtel',
			name: `jtel credential ${i + 1}`,
			credential,
			parameters: { resource: 'diallerCampaign', operation: 'getAll', returnAll: true },
			cases: [[`credential: ${label}`, {}, message ?? /Server URL/]],
		})),

		// ChartMogul: opaque ids (con_…, cus_…).
		{
			vendor: 'chartmogul',
			name: 'ChartMogul get contact',
			parameters: { resource: 'contact', operation: 'get', contactUuid: '={{ $json.uuid }}' },
			prepare: (fake) => ({ uuid: [...fake.state.contacts.keys()][0] }),
			good: (seed) => [{ uuid: seed.uuid }],
			goodOutput: (seed) => ({ uuid: seed.uuid }),
			requests: 1,
			cases: [
				[
					'UUID with a path',
					{ uuid: 'con_1/merge/con_2' },
					/^"Contact UUID" is not a valid ID: it contains "\/"$/,
				],
				[
					'UUID with a query',
					{ uuid: 'con_1?customer_uuid=x' },
					/^"Contact UUID" is not a valid ID: it contains "\?"$/,
				],
				['empty UUID', { uuid: '' }, /^"Contact UUID" is empty$/],
			],
		},
		{
			vendor: 'chartmogul',
			name: 'ChartMogul merge contacts',
			parameters: {
				resource: 'contact',
				operation: 'merge',
				intoContactUuid: '={{ $json.into }}',
				fromContactUuid: '={{ $json.from }}',
			},
			prepare: (fake) => {
				const [into, from] = [...fake.state.contacts.keys()];
				return { into, from };
			},
			good: (seed) => [{ into: seed.into, from: seed.from }],
			goodOutput: (seed) => ({ uuid: seed.into }),
			requests: 1,
			cases: [
				[
					'from-UUID with ../',
					{ into: 'con_1', from: '../customers' },
					/^"From Contact UUID" is not a valid ID: it contains "\/"$/,
				],
			],
		},
		{
			vendor: 'chartmogul',
			name: 'ChartMogul create contact',
			parameters: {
				resource: 'contact',
				operation: 'create',
				customerUuid: '={{ $json.customer }}',
				dataSourceUuid: { __rl: true, mode: 'id', value: 'ds_e2e-0001' },
				additionalFields: { email: '={{ $json.email }}' },
			},
			good: () => [{ customer: 'cus_e2e-0001', email: 'adam@example.com' }],
			goodOutput: () => ({ uuid: /^con_/, email: 'adam@example.com' }),
			requests: 1,
			cases: [
				[
					'invalid e-mail',
					{ customer: 'cus_e2e-0001', email: 'adam@example' },
					/^"Email" is not a valid e-mail address$/,
				],
				[
					'customer UUID with a fragment',
					{ customer: 'cus_e2e-0001#x', email: 'adam@example.com' },
					/^"Customer UUID" is not a valid ID: it contains "#"$/,
				],
			],
		},
	];
}

/** Items of one output of a node, with their pairedItem, from the raw run. */
function outputItems(run, nodeName, index) {
	const tasks = run?.data?.resultData?.runData?.[nodeName] ?? [];
	return tasks.flatMap((task) => task.data?.main?.[index] ?? []);
}

function buildWorkflow(plan, credentialOf) {
	const trigger = {
		parameters: {},
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		id: 'bad-input-start',
	};
	const nodes = [trigger];
	const connections = { Start: { main: [[]] } };
	plan.forEach((group, g) => {
		const items = group.items.map((json) => ({ json }));
		const feeder = {
			parameters: { jsCode: `return ${JSON.stringify(items)};` },
			name: `Items: ${group.name}`,
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [250, g * 150],
			id: `bad-input-items-${g}`,
		};
		const { type, credentialType, credentialId } = credentialOf(group);
		const node = {
			parameters: group.parameters,
			name: group.name,
			type,
			typeVersion: 1,
			position: [500, g * 150],
			id: `bad-input-node-${g}`,
			onError: 'continueErrorOutput',
			credentials: { [credentialType]: { id: credentialId, name: credentialId } },
		};
		nodes.push(feeder, node);
		connections.Start.main[0].push({ node: feeder.name, type: 'main', index: 0 });
		connections[feeder.name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	});
	return {
		id: WORKFLOW_ID,
		name: 'Bad-input table',
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

async function runBadInput({ rt, env, active, record, work, transcript }) {
	const byFolder = new Map(active.map((entry) => [entry.vendor.folder, entry]));
	const plan = [];
	const credentials = [];
	const fakes = new Map();
	for (const entry of active) {
		const fake = entry.vendor.createFake();
		fakes.set(entry.vendor.folder, fake);
	}
	for (const group of groups()) {
		const entry = byFolder.get(group.vendor);
		if (!entry) continue;
		const fake = fakes.get(group.vendor);
		const seed = group.prepare ? group.prepare(fake) : {};
		const good = group.good ? group.good(seed) : [];
		// Bad cases first, then the good items: an error early in a list must not stop what follows.
		const items = [...group.cases.map(([, json]) => json), ...good];
		plan.push({ ...group, seed, goodItems: good, items, entry });
		if (group.credential) {
			const base = entry.vendor.credentials[0];
			credentials.push({
				id: `e2eBad${String(credentials.length + 1).padStart(10, '0')}`,
				name: `${group.name} (bad)`,
				type: base.type,
				data: { ...base.data, ...group.credential },
			});
			plan[plan.length - 1].credentialId = credentials[credentials.length - 1].id;
		}
	}
	const workflow = buildWorkflow(plan, (group) => {
		const base = group.entry.vendor.credentials[0];
		return {
			type: group.entry.vendor.nodeType,
			credentialType: base.type,
			credentialId: group.credentialId ?? base.id,
		};
	});
	const files = {
		credentials: path.join(work, 'bad-input-credentials.json'),
		workflow: path.join(work, 'bad-input-workflow.json'),
	};
	fs.writeFileSync(files.credentials, JSON.stringify(credentials, null, 2));
	fs.writeFileSync(files.workflow, JSON.stringify([workflow], null, 2));
	for (const [what, file] of [
		['credentials', files.credentials],
		['workflow', files.workflow],
	]) {
		const out = await n8n(rt, [`import:${what}`, `--input=${file}`], env);
		if (out.code !== 0)
			throw new Error(
				`n8n import:${what} (bad-input table) failed (exit ${out.code}):\n${(out.stdout + out.stderr).slice(-2000)}`,
			);
	}

	const clean = new Map(active.map((entry) => [entry, entry.fake]));
	for (const entry of active) entry.fake = fakes.get(entry.vendor.folder);
	const t0 = Date.now();
	let out;
	try {
		out = await n8n(rt, ['execute', `--id=${WORKFLOW_ID}`, '--rawOutput'], env);
	} finally {
		for (const [entry, fake] of clean) entry.fake = fake;
	}
	transcript.push(out.stdout, out.stderr);
	const run = parseRun(out.stdout);
	const total = plan.reduce((n, g) => n + g.cases.length, 0);
	if (!run) {
		record(`bad input › the table's workflow ran (${total} cases)`, [
			`n8n execute printed no run (exit ${out.code}): ${(out.stdout + out.stderr).trim().split('\n').slice(-8).join(' | ')}`,
		]);
		return;
	}
	const workflowError = run.data.resultData.error;
	record(
		`bad input › ${total} cases in ${plan.length} nodes ran to the end under continue-on-fail (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
		workflowError ? [`the workflow failed: ${workflowError.message}`] : [],
	);
	const noRun = { items: () => [] }; // the expectations here use no cross-node checks

	for (const group of plan) {
		const errors = outputItems(run, group.name, 1);
		const goods = outputItems(run, group.name, 0);
		const vendorName = group.entry.vendor.name;
		group.cases.forEach(([label, json, message], index) => {
			const mine = errors.filter(
				(item) => item.pairedItem?.item === index || (group.items.length === 1 && !item.pairedItem),
			);
			const text = mine.map((item) => item.json?.error ?? item.json?.message).join(' | ');
			const problems = [];
			if (!mine.length)
				problems.push(
					`no error item paired to this case (error output: ${JSON.stringify(errors.map((e) => [e.pairedItem, e.json]))})`.slice(
						0,
						600,
					),
				);
			else if (!message.test(text))
				problems.push(`the error ${JSON.stringify(text)} does not match ${message}`);
			if (goods.some((item) => item.pairedItem?.item === index))
				problems.push('the bad item also produced an output item');
			record(
				`bad input › ${vendorName} › ${group.name} › ${label} ${JSON.stringify(json).slice(0, 60)} → ${JSON.stringify(text.slice(0, 80))}`,
				problems,
			);
		});
		if (group.goodItems.length) {
			const expected = group.goodOutput(group.seed);
			const problems = [];
			if (goods.length !== group.goodItems.length)
				problems.push(
					`expected ${group.goodItems.length} output item(s) from the good input, got ${goods.length}`,
				);
			const offset = group.cases.length;
			goods.forEach((item, i) => {
				if (item.pairedItem?.item !== offset + i)
					problems.push(
						`output ${i} is paired to item ${JSON.stringify(item.pairedItem)}, expected ${offset + i}`,
					);
				problems.push(...match(item.json, expected, noRun, `output[${i}]`));
			});
			const extra = errors.filter((item) => item.pairedItem?.item >= offset);
			if (extra.length)
				problems.push(
					`${extra.length} good item(s) ended on the error output: ${JSON.stringify(extra[0].json).slice(0, 300)}`,
				);
			record(
				`bad input › ${vendorName} › ${group.name} › continue-on-fail: the ${group.goodItems.length} good item(s) unaffected`,
				problems.slice(0, 6),
			);
		}
	}

	// Requests: only the good items' requests reached a fake; nothing with the bad values in it.
	for (const entry of active) {
		const fake = fakes.get(entry.vendor.folder);
		const mine = plan.filter((g) => g.entry === entry);
		if (!mine.length) continue;
		const expected = mine.reduce((n, g) => n + (g.requests ?? 0), 0);
		const problems = [];
		if (fake.requests.length !== expected)
			problems.push(
				`the fake got ${fake.requests.length} request(s), expected ${expected} (the good items only): ${fake.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`.slice(
					0,
					800,
				),
			);
		const suspicious = fake.requests.filter((r) =>
			/evil|\.\.|%2F|%3F|%23/i.test(`${r.path}?${new URLSearchParams(r.query ?? {})}`),
		);
		if (suspicious.length)
			problems.push(
				`a bad value reached the fake: ${suspicious.map((r) => `${r.method} ${r.path}`).join(', ')}`,
			);
		record(
			`bad input › ${entry.vendor.name}: the fake saw only the good items' ${expected} request(s)`,
			problems,
		);
	}
}

module.exports = { runBadInput, groups };
