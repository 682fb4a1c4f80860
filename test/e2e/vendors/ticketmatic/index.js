'use strict';
/** Ticketmatic in a real n8n: every request signed (TM-HMAC-SHA256) and checked by the fake; Basic auth tested too. */
const path = require('node:path');
const { ticketmaticAccounts } = require('../../fakes/ticketmatic');
const { exactly, integer, count, sameAs } = require('../../lib/expect');

const ACCOUNT = 'e2eaccount';
const ACCESS_KEY = 'e2e-access-key';
const SECRET_KEY = 'e2e-secret-key-0123456789';
const keys = { accountName: ACCOUNT, accessKey: ACCESS_KEY, secretKey: SECRET_KEY };
// Two more accounts on the same server, for Return All against servers that do not answer as asked (issue #12.4):
// one uses pages of 100 whatever limit is asked (and reports the total), one sends no `nbrofresults` at all.
const CAPPED = { ...keys, accountName: 'e2ecapped', seedContacts: 350, maxLimit: 100 };
const NO_TOTAL = { ...keys, accountName: 'e2enototal', seedContacts: 2300, total: 'missing' };
// Both at once: pages of 100 and `nbrofresults: null`; only a page right after the short one can tell the end.
const CAPPED_NULL = {
	...keys,
	accountName: 'e2ecapnull',
	seedContacts: 350,
	maxLimit: 100,
	total: 'null',
};
// Contacts last changed at known UTC times, for Last Updated Since (tm-go ticketmatic/time.go: the API's times are UTC).
const DATED = {
	...keys,
	accountName: 'e2edated',
	datedContacts: [
		{ firstname: 'Early', email: 'early@example.com', lastupdatets: '2026-01-10 08:00:00' },
		{ firstname: 'Middle', email: 'middle@example.com', lastupdatets: '2026-01-10 09:00:00' },
		{ firstname: 'Late', email: 'late@example.com', lastupdatets: '2026-01-10 15:00:00' },
	],
};
const PAGE_SIZE = 1000; // what the node asks for (nodes/Ticketmatic/transport.ts PAGE_SIZE)
// Contacts of the Update Many workflow: 3 batch requests at Ticketmatic's 1000 ids each.
const BATCH_CONTACTS = 2500;

/** Every seeded contact of the account exactly once (count() checks the length; this the ids). */
function everyContactOnce(run, node, n) {
	const ids = run.items(node).map((c) => c.id);
	const distinct = new Set(ids).size;
	return ids.length === n && distinct === n
		? []
		: [`"${node}": ${ids.length} items with ${distinct} distinct ids, expected ${n}`];
}
/** The list requests one account's contacts saw, as "limit@offset". */
const pagesOf = (requests, account) =>
	requests
		.filter((r) => r.method === 'GET' && r.path === `/api/1/${account}/contacts`)
		.map((r) => `${r.query.limit}@${r.query.offset}`);

/** The scheduler modes of n8n 2.41 the polling trigger runs in (@n8n/config scheduler.config). */
const DURABLE = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	// A poll may take 10 s: n8n's budget (getPollBudgetMs) is then 5 s, so the slow backlog takes several polls.
	N8N_SCHEDULER_POLL_TIMEOUT: '10',
};
const TRIGGER_MODES = [
	{ name: 'legacy poller', env: {} },
	{ name: 'durable scheduler', env: DURABLE },
	{
		name: 'durable scheduler, durable cursors',
		env: { ...DURABLE, N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true' },
	},
];
// The backlog: a bulk import of 10,000 new contacts and 10,000 changed ones (20 pages for each trigger), each
// page answered after LIST_DELAY_MS (the fake models the slow account; no network emulation here).
const BACKLOG = { created: 10_000, updated: 10_000 };
const LIST_DELAY_MS = 600;

/**
 * The polling trigger in an active workflow (polls every 15 s: four minute-granular custom crons), in each of
 * n8n's scheduler modes: contacts added and changed after the activation are emitted, each change once, also
 * when n8n keeps no state of the activation poll (durable cursors); nothing older than the look-back is emitted;
 * a slow backlog of 20,000 changes is read by polls that stop within n8n's budget and carry on without a gap.
 */
async function checkTrigger({
	activate,
	executions,
	itemsOf,
	sleep,
	fake,
	definitions,
	say,
	mode,
	log,
}) {
	const [createdFlow, updatedFlow] = definitions;
	const problems = [];
	const tag = `Ticketmatic Trigger (${mode.name})`;
	fake.setListDelay(0);
	const before = fake.createContact({
		firstname: 'Before',
		lastname: 'Activation',
		email: 'before@example.com',
	});
	fake.backdate(86_400_000); // nothing changed in the last day: the activation's look-back (2 min) finds nothing
	const firstRequest = fake.requests.length;
	await activate(createdFlow.id);
	await activate(updatedFlow.id);
	await sleep(1500);

	/** Every item each trigger emitted so far: created ids, updated "id@lastupdatets"; per execution too. */
	const read = new Map(); // a finished execution's items do not change: read each once
	const itemsOnce = async (execution, node) => {
		const id = `${execution.id}:${node}`;
		if (!read.has(id)) read.set(id, await itemsOf(execution.id, node));
		return read.get(id);
	};
	const emitted = async () => {
		const out = { created: [], updated: [], createdRuns: 0, updatedRuns: 0 };
		for (const execution of await executions(createdFlow.id)) {
			const created = await itemsOnce(execution, 'Created contacts');
			if (created.length) out.createdRuns++;
			out.created.push(...created.map((c) => c.id));
		}
		for (const execution of await executions(updatedFlow.id)) {
			const updated = await itemsOnce(execution, 'Updated contacts');
			if (updated.length) out.updatedRuns++;
			out.updated.push(...updated.map((c) => `${c.id}@${c.lastupdatets}`));
		}
		return out;
	};
	const key = (c) => `${c.id}@${c.lastupdatets}`;
	/** Waits until the triggers emitted everything expected (or the time is up). */
	const until = async (created, updated, timeoutMs) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const got = await emitted();
			const have = { created: new Set(got.created), updated: new Set(got.updated) };
			const missing = [
				...created.filter((id) => !have.created.has(id)).map((id) => `created ${id}`),
				...updated.filter((k) => !have.updated.has(k)).map((k) => `updated ${k}`),
			];
			if (!missing.length || Date.now() > deadline) return { got, missing };
			await sleep(3000);
		}
	};
	const expectAll = async (what, created, updated, timeoutMs) => {
		const { got, missing } = await until(created, updated, timeoutMs);
		if (missing.length)
			problems.push(
				`${what}: not emitted within ${timeoutMs / 1000} s: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`,
			);
		return got;
	};

	// Right after the activation: two contacts added, one existing contact changed.
	const ada = fake.createContact({
		firstname: 'Ada',
		lastname: 'Lovelace',
		email: 'ada@example.com',
	});
	const alan = fake.createContact({
		firstname: 'Alan',
		lastname: 'Turing',
		email: 'alan@example.com',
	});
	fake.updateContact(before, { firstname: 'Changed' });
	const round1 = { created: [ada.id, alan.id], updated: [key(before)] };
	say(`${tag}: waiting for the first polls after activation`);
	await expectAll('changes right after activation', round1.created, round1.updated, 90_000);

	// One more contact, and a change of one just emitted.
	fake.updateContact(ada, { firstname: 'Augusta' });
	const grace = fake.createContact({
		firstname: 'Grace',
		lastname: 'Hopper',
		email: 'grace@example.com',
	});
	const round2 = { created: [...round1.created, grace.id], updated: [...round1.updated, key(ada)] };
	await expectAll('changes between polls', round2.created, round2.updated, 90_000);
	const runsBefore = await emitted();

	// A slow backlog of 20,000 changes in one bulk import.
	fake.setListDelay(LIST_DELAY_MS);
	const backlog = fake.backlog(BACKLOG);
	const backlogUpdates = backlog.updated.map((id) => key(fake.state.contacts.get(id)));
	say(
		`${tag}: waiting for a backlog of 20,000 changes, each page answered after ${LIST_DELAY_MS} ms`,
	);
	const t0 = Date.now();
	await expectAll(
		'the backlog',
		[...round2.created, ...backlog.created],
		[...round2.updated, ...backlogUpdates],
		300_000,
	);
	say(
		`${tag}: backlog emitted in ${((Date.now() - t0) / 1000).toFixed(0)} s; one more poll with nothing new`,
	);
	fake.setListDelay(0);
	await sleep(16_000);
	const got = await emitted();

	// Each change once, nothing else.
	const once = (list, what) => {
		const seen = new Set();
		const twice = [...new Set(list.filter((k) => seen.has(k) || !seen.add(k)))];
		if (twice.length)
			problems.push(
				`${what} emitted more than once: ${twice.slice(0, 5).join(', ')} (${twice.length} in all)`,
			);
	};
	once(got.created, 'created contacts');
	once(got.updated, 'contact changes');
	const expected = {
		created: new Set([...round2.created, ...backlog.created]),
		updated: new Set([...round2.updated, ...backlogUpdates]),
	};
	const extra = [
		...got.created.filter((id) => !expected.created.has(id)).map((id) => `created ${id}`),
		...got.updated.filter((k) => !expected.updated.has(k)).map((k) => `updated ${k}`),
	];
	if (extra.length)
		problems.push(`emitted what was not changed after activation: ${extra.slice(0, 5).join(', ')}`);
	// Under the durable scheduler the backlog does not fit in one poll's budget (5 s): it took several polls.
	for (const what of ['created', 'updated']) {
		const runs = got[`${what}Runs`] - runsBefore[`${what}Runs`];
		if (Object.keys(mode.env).length && runs < 2)
			problems.push(
				`the ${what} backlog was emitted by ${runs} poll(s): a poll did not stop at its budget`,
			);
	}
	if (/Poll exceeded its timeout/.test(log()))
		problems.push('n8n abandoned a poll that exceeded its timeout (N8N_SCHEDULER_POLL_TIMEOUT)');
	const asked = fake.requests.slice(firstRequest).filter((r) => r.path.endsWith('/contacts'));
	const last = asked.at(-1);
	if (!/^TM-HMAC-SHA256 /.test(String(last?.headers?.authorization)))
		problems.push('the poll was not signed');
	if (
		last?.query?.orderby !== 'lastupdatets' ||
		!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(String(last?.query?.lastupdatesince))
	)
		problems.push(`the poll asked ${JSON.stringify(last?.query)}`);
	say(
		`${tag}: ${got.created.length} creations in ${got.createdRuns} executions, ${got.updated.length} changes in ${got.updatedRuns}; ${asked.length} list requests`,
	);
	return problems;
}

module.exports = {
	name: 'Ticketmatic',
	source: 'nodes/Ticketmatic/Ticketmatic.node.ts',
	nodeType: 'n8n-nodes-contact-suite.ticketmatic',
	credentialTypes: ['ticketmaticApi'],
	hosts: ['apps.ticketmatic.com'],
	createFake: () => ticketmaticAccounts(keys, CAPPED, NO_TOTAL, CAPPED_NULL, DATED),
	credentials: [
		{
			id: 'e2eTicketmHmac01',
			name: 'Ticketmatic (fake, signed)',
			type: 'ticketmaticApi',
			data: { ...keys, authentication: 'hmac' },
		},
		{
			id: 'e2eTicketmBasic1',
			name: 'Ticketmatic (fake, basic auth)',
			type: 'ticketmaticApi',
			data: { ...keys, authentication: 'basic' },
		},
		{
			id: 'e2eTicketmBad001',
			name: 'Ticketmatic (wrong secret)',
			type: 'ticketmaticApi',
			data: { ...keys, secretKey: 'not-the-secret', authentication: 'hmac' },
		},
		{
			id: 'e2eTicketmCap001',
			name: 'Ticketmatic (fake, pages capped at 100)',
			type: 'ticketmaticApi',
			data: { ...keys, accountName: CAPPED.accountName, authentication: 'hmac' },
		},
		{
			id: 'e2eTicketmNoTot1',
			name: 'Ticketmatic (fake, no nbrofresults)',
			type: 'ticketmaticApi',
			data: { ...keys, accountName: NO_TOTAL.accountName, authentication: 'hmac' },
		},
		{
			id: 'e2eTicketmCapNul',
			name: 'Ticketmatic (fake, pages capped at 100, nbrofresults null)',
			type: 'ticketmaticApi',
			data: { ...keys, accountName: CAPPED_NULL.accountName, authentication: 'hmac' },
		},
		{
			id: 'e2eTicketmDated1',
			name: 'Ticketmatic (fake, contacts changed at known times)',
			type: 'ticketmaticApi',
			data: { ...keys, accountName: DATED.accountName, authentication: 'hmac' },
		},
	],
	triggerWorkflows: [
		{
			name: 'Ticketmatic Trigger: contacts created and updated after activation, each once; a slow backlog across polls',
			// One trigger per workflow: under the durable scheduler without durable cursors n8n saves a poll's whole
			// copy of the workflow's static data, so two polling triggers in one workflow overwrite each other's state.
			files: [
				path.join(__dirname, 'trigger-created.workflow.json'),
				path.join(__dirname, 'trigger-updated.workflow.json'),
			],
			check: checkTrigger,
			modes: TRIGGER_MODES,
		},
	],
	credentialTests: [
		{ credential: 'e2eTicketmHmac01', status: 'OK' },
		{ credential: 'e2eTicketmBasic1', status: 'OK' },
		{
			credential: 'e2eTicketmBad001',
			status: 'Error',
			message: /authori[sz]|signature|secret key|401/i,
		},
	],
	workflows: [
		{
			file: path.join(__dirname, 'contact-lifecycle.workflow.json'),
			outputs: {
				'Create contact': [
					{ id: integer, firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com' },
				],
				'Get contact': [{ id: sameAs('Create contact', 'id'), email: 'ada@example.com' }],
				'Find contact by email': [{ id: sameAs('Create contact', 'id') }],
				'Update contact': [
					{ id: sameAs('Create contact', 'id'), firstname: 'Ada', lastname: 'King' },
				],
				'List relation types': count(2, { id: integer, name: /./ }),
				'List contacts': count(1, { id: sameAs('Create contact', 'id') }),
				'Add remark': [{ id: integer, content: 'Prefers the aisle seat', pinned: true }],
				'Update remark': [
					{ id: sameAs('Add remark', 'id'), content: 'Prefers the aisle seat, row 5' },
				],
				'Get remark': [
					{
						id: sameAs('Add remark', 'id'),
						content: 'Prefers the aisle seat, row 5',
						pinned: true,
					},
				],
				'Delete remark': [exactly({ deleted: true })],
				'Delete contact': [exactly({ deleted: true })],
			},
			after({ fake, requests }) {
				const problems = [];
				const unsigned = requests.filter(
					(r) => !String(r.headers.authorization || '').startsWith('TM-HMAC-SHA256 '),
				);
				if (unsigned.length)
					problems.push(
						`${unsigned.length} request(s) were not signed: ${unsigned.map((r) => `${r.method} ${r.path}`).join(', ')}`,
					);
				const refused = requests.filter((r) => r.status === 401);
				if (refused.length)
					problems.push(`${refused.length} signed request(s) were refused by the fake`);
				const contact = [...fake.state.contacts.values()][0];
				if (!contact) problems.push('the fake holds no contact');
				else {
					if (JSON.stringify(contact.relationtypes) !== '[2]')
						problems.push(
							`the contact's relation types are ${JSON.stringify(contact.relationtypes)}, expected [2] (VIP)`,
						);
					if (!contact.isdeleted) problems.push('the contact was not archived by the delete');
				}
				if (fake.state.remarks.size)
					problems.push(`fake still holds ${fake.state.remarks.size} remark(s)`);
				return problems;
			},
		},
		{
			// Update Many: 2,500 contacts with the same change in 3 batch requests (≤ 1000 ids each); then a merge.
			file: path.join(__dirname, 'update-many-and-merge.workflow.json'),
			createFake: () => ticketmaticAccounts({ ...keys, seedContacts: BATCH_CONTACTS }),
			outputs: {
				'List all contacts': count(BATCH_CONTACTS, { id: integer }),
				'Set a segment on every contact': count(BATCH_CONTACTS, {
					contactId: integer,
					updatefields: [
						{ key: 'c_segment', updatetype: 'set', value: 'autumn-2026' },
						{ key: 'languagecode', updatetype: 'set', value: 'NL' },
					],
				}),
				'Merge duplicates': [
					exactly({ primaryContactId: 10001, mergedContactIds: [10002, 10003] }),
				],
			},
			after({ fake, requests, run }) {
				const problems = [];
				const batches = requests.filter(
					(r) => r.method === 'POST' && r.path.endsWith('/contacts/batch'),
				);
				const updates = batches.filter((r) => r.body?.operation === 'update');
				const sizes = updates.map((r) => r.body.ids.length).sort((a, b) => b - a);
				if (sizes.join() !== '1000,1000,500')
					problems.push(`update batches of ${sizes.join(', ')} ids, expected 1000, 1000, 500`);
				const outputIds = run.items('Set a segment on every contact').map((item) => item.contactId);
				const listed = run.items('List all contacts').map((item) => item.id);
				if (outputIds.join() !== listed.join())
					problems.push('Update Many did not output one item per contact, in input order');
				const contacts = [...fake.state.contacts.values()];
				const unchanged = contacts.filter(
					(c) => c.c_segment !== 'autumn-2026' || c.languagecode !== 'NL',
				);
				if (unchanged.length)
					problems.push(`${unchanged.length} contact(s) did not get the segment`);
				const merges = batches.filter((r) => r.body?.operation === 'merge');
				if (
					merges.length !== 1 ||
					JSON.stringify(merges[0].body) !==
						JSON.stringify({
							ids: [10002, 10003],
							operation: 'merge',
							parameters: { primary: 10001 },
						})
				)
					problems.push(`merge requests: ${JSON.stringify(merges.map((r) => r.body))}`);
				const merged = contacts.filter((c) => c.mergedinto === 10001).map((c) => c.id);
				if (merged.join() !== '10002,10003')
					problems.push(`contacts merged into 10001: ${merged.join()}`);
				if (batches.some((r) => !Array.isArray(r.body?.ids) || !r.body.ids.length))
					problems.push('a batch was sent without ids');
				return problems;
			},
		},
		{
			// Return All never stops at the first page because the server answered less than asked (issue #12.4).
			file: path.join(__dirname, 'return-all.workflow.json'),
			outputs: {
				'List all (pages capped at 100)': count(CAPPED.seedContacts, {
					id: integer,
					email: /@e2ecapped\.example\.org$/,
				}),
				'List all (no nbrofresults)': count(NO_TOTAL.seedContacts, {
					id: integer,
					email: /@e2enototal\.example\.org$/,
				}),
				'List all (pages capped at 100, nbrofresults null)': count(CAPPED_NULL.seedContacts, {
					id: integer,
					email: /@e2ecapnull\.example\.org$/,
				}),
			},
			after({ requests, run }) {
				const problems = [
					...everyContactOnce(run, 'List all (pages capped at 100)', CAPPED.seedContacts),
					...everyContactOnce(run, 'List all (no nbrofresults)', NO_TOTAL.seedContacts),
					...everyContactOnce(
						run,
						'List all (pages capped at 100, nbrofresults null)',
						CAPPED_NULL.seedContacts,
					),
				];
				// Capped: the first answer (100 of 1000, total 350) shows the server's page length; from there on one
				// page after another in that length, up to the total. The pages asked before it answered come first.
				const capped = pagesOf(requests, CAPPED.accountName);
				const sequential = capped.filter((p) => !p.startsWith(`${PAGE_SIZE}@`));
				if (sequential.join() !== '100@100,100@200,50@300')
					problems.push(
						`capped account: after the first page expected 100@100,100@200,50@300 (limit@offset), saw ${capped.join()}`,
					);
				// No total: pages of 1000 until the short one (300 at offset 2000), at most the pages already in flight
				// beyond it, and one page right after its records (empty: the end; a capped server would fill it).
				const noTotal = pagesOf(requests, NO_TOTAL.accountName);
				const full = noTotal.filter((p) => p.startsWith(`${PAGE_SIZE}@`));
				const offsets = full.map((p) => Number(p.split('@')[1]));
				if (
					![0, 1000, 2000].every((o) => offsets.includes(o)) ||
					Math.max(...offsets) > 2000 + 3 * PAGE_SIZE ||
					noTotal.filter((p) => !full.includes(p)).join() !== '300@2300'
				)
					problems.push(
						`no-total account: expected pages of ${PAGE_SIZE} at 0, 1000, 2000 (none past the in-flight window), then 300@2300; saw ${noTotal.join()}`,
					);
				// Capped, no total: the page right after the short first one (100 at offset 100) shows the server's
				// length; then 100 at a time until the short page (50 at 300) and the empty one right after it.
				const cappedNull = pagesOf(requests, CAPPED_NULL.accountName).filter(
					(p) => !p.startsWith(`${PAGE_SIZE}@`),
				);
				if (cappedNull.join() !== '100@100,100@200,100@300,50@350')
					problems.push(
						`capped account without a total: after the first pages expected 100@100,100@200,100@300,50@350, saw ${pagesOf(requests, CAPPED_NULL.accountName).join()}`,
					);
				return problems;
			},
		},
		{
			// Last Updated Since is the moment meant, sent in UTC; the workflow's zone is America/New_York.
			file: path.join(__dirname, 'last-updated-since.workflow.json'),
			outputs: {
				'Changed since 09:30 in Brussels (an offset time)': [
					{ firstname: 'Middle' },
					{ firstname: 'Late' },
				],
				'Changed since 09:30 in the workflow zone (a picked time)': [{ firstname: 'Late' }],
			},
			after({ requests }) {
				// Each list asks its first pages at once, all with the same filter: the distinct values sent.
				const sent = [
					...new Set(
						requests
							.filter((r) => r.path === `/api/1/${DATED.accountName}/contacts`)
							.map((r) => r.query.lastupdatesince),
					),
				].sort();
				const expected = ['2026-01-10 08:30:00', '2026-01-10 14:30:00'];
				return JSON.stringify(sent) === JSON.stringify(expected)
					? []
					: [
							`lastupdatesince sent: ${JSON.stringify(sent)}, expected ${JSON.stringify(expected)} (UTC)`,
						];
			},
		},
	],
};
