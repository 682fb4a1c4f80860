'use strict';
/**
 * ChartMogul in a real n8n: two contacts created, read, updated, listed, merged and deleted, and a call log; a customer
 * tagged by e-mail and its custom attributes added, updated, removed and read.
 */
const path = require('node:path');
const util = require('node:util');
const { createChartMogulFake } = require('../../fakes/chartmogul');
const { withRateLimit } = require('../../lib/rate-limit');
const { exactly, count, sameAs } = require('../../lib/expect');

const API_KEY = 'cm-e2e-0123456789';
const SEEDED = 250; // with the two created, two pages of 200
const STUCK = 'cus_e2e-stuck'; // its contact list answers has_more: true with the same cursor every time
const ALTERNATING = 'cus_e2e-alternating'; // new cursors, but its pages alternate: first, second, first…
const LOOPED = 200; // contacts created through Loop Over Items, in batches of 20
const CUSTOMER = 'cus_e2e-0001'; // the fake's customer, e-mail ada@e2e.example.org

/** The node's run data in n8n's run: how often it ran. */
const runsOf = (run, node) => run.raw.data.resultData.runData[node]?.length ?? 0;

module.exports = {
	name: 'ChartMogul',
	source: 'nodes/ChartMogul/ChartMogul.node.ts',
	nodeType: 'n8n-nodes-contact-suite.chartMogul',
	credentialTypes: ['chartMogulApi'],
	hosts: ['api.chartmogul.com'],
	createFake: () => createChartMogulFake({ apiKey: API_KEY, seedContacts: SEEDED }),
	credentials: [
		{
			id: 'e2eChartMogKey01',
			name: 'ChartMogul (fake)',
			type: 'chartMogulApi',
			data: { apiKey: API_KEY },
		},
		{
			id: 'e2eChartMogBad01',
			name: 'ChartMogul (wrong key)',
			type: 'chartMogulApi',
			data: { apiKey: 'not-the-key' },
		},
	],
	pickers: [
		{
			label: "the account's data sources",
			parameter: 'dataSourceUuid',
			method: 'searchDataSources',
			parameters: { resource: 'contact', operation: 'create' },
			credential: 'e2eChartMogKey01',
			expect: [{ name: 'E2E source', value: 'ds_e2e-0001' }],
		},
	],
	credentialTests: [
		{ credential: 'e2eChartMogKey01', status: 'OK' },
		{ credential: 'e2eChartMogBad01', status: 'Error', message: /authori[sz]|api key|401/i },
	],
	workflows: [
		{
			file: path.join(__dirname, 'contact-lifecycle.workflow.json'),
			outputs: {
				'Create contact': [
					{
						uuid: /^con_/,
						customer_uuid: 'cus_e2e-0001',
						data_source_uuid: 'ds_e2e-0001',
						first_name: 'Adam',
						email: 'adam@example.com',
						custom: exactly({ date_of_birth: '1985-01-22' }),
					},
				],
				'Get contact': [{ uuid: sameAs('Create contact', 'uuid'), title: 'CEO' }],
				'Update contact': [
					{ uuid: sameAs('Create contact', 'uuid'), title: 'CTO', first_name: 'Adam' },
				],
				'List contacts of the customer': count(SEEDED + 2, {
					uuid: /^con_/,
					customer_uuid: 'cus_e2e-0001',
				}),
				'Merge duplicate into contact': [
					{
						uuid: sameAs('Create contact', 'uuid'),
						email: 'adam@example.com',
						phone: '+1234567890',
					},
				],
				'Log a call': [
					{
						uuid: /./,
						type: 'call',
						text: 'Called about renewal',
						call_duration: 300,
						author_email: 'owner@example.com',
					},
				],
				'Get call log': [{ uuid: sameAs('Log a call', 'uuid'), type: 'call' }],
				'Update call log': [{ uuid: sameAs('Log a call', 'uuid'), text: 'Renewal agreed' }],
				'List call logs': [{ uuid: sameAs('Log a call', 'uuid'), text: 'Renewal agreed' }],
				'Delete call log': [exactly({ deleted: true })],
				'Delete contact': [exactly({ deleted: true })],
			},
			after({ fake, requests }) {
				const problems = [];
				if (fake.state.contacts.size !== SEEDED)
					problems.push(`fake holds ${fake.state.contacts.size} contacts, expected ${SEEDED}`);
				if (fake.state.notes.size !== 0)
					problems.push(`fake still holds ${fake.state.notes.size} note(s)`);
				const pages = requests.filter((r) => r.method === 'GET' && r.path === '/v1/contacts');
				if (pages.length !== 2 || !pages[1].query.cursor)
					problems.push(`expected two cursor-paged list requests, saw ${pages.length}`);
				return problems;
			},
		},
		{
			file: path.join(__dirname, 'customer-attributes.workflow.json'),
			outputs: {
				'Tag by email': [
					{
						uuid: CUSTOMER,
						email: 'ada@e2e.example.org',
						attributes: { tags: exactly(['newsletter', 'vip']) },
					},
				],
				"Find by a contact's email": [{ uuid: CUSTOMER }],
				'Add custom attributes': [
					exactly({
						custom: {
							channel: 'Facebook',
							age: 8,
							pro: true,
							convertedAt: '2026-01-10T09:30:00Z',
						},
					}),
				],
				'Update custom attributes': [
					{
						custom: exactly({
							channel: 'Twitter',
							age: 9,
							pro: true,
							convertedAt: '2026-01-10T09:30:00Z',
						}),
					},
				],
				'Remove custom attribute': [
					{ custom: exactly({ channel: 'Twitter', age: 9, convertedAt: '2026-01-10T09:30:00Z' }) },
				],
				'Get tags and custom attributes': [
					{
						tags: exactly(['newsletter', 'vip']),
						custom: exactly({ channel: 'Twitter', age: 9, convertedAt: '2026-01-10T09:30:00Z' }),
					},
				],
			},
			after({ requests }) {
				const problems = [];
				const search = requests.find((r) => r.path === '/v1/customers/search');
				if (search?.query.with_associated_emails !== 'true')
					problems.push(`the search was sent with ${JSON.stringify(search?.query)}`);
				const sent = (method) =>
					requests.find((r) => r.method === method && r.path.endsWith('/attributes/custom'))?.body;
				const expected = {
					POST: {
						custom: [
							{ type: 'String', key: 'channel', value: 'Facebook', source: 'integration' },
							{ type: 'Integer', key: 'age', value: 8 },
							{ type: 'Boolean', key: 'pro', value: true },
							{ type: 'Timestamp', key: 'convertedAt', value: '2026-01-10T09:30:00Z' },
						],
					},
					PUT: { custom: { age: 9, channel: { value: 'Twitter', source: 'crm' } } },
					DELETE: { custom: ['pro'] },
				};
				for (const [method, body] of Object.entries(expected))
					if (!util.isDeepStrictEqual(sent(method), body))
						problems.push(`${method} …/attributes/custom sent ${JSON.stringify(sent(method))}`);
				return problems;
			},
		},
		{
			// A cursor that never moves on: stopped with an error naming the list and the page (issue #12.3).
			file: path.join(__dirname, 'stuck-cursor.workflow.json'),
			createFake: () => createChartMogulFake({ apiKey: API_KEY, stuckCustomers: [STUCK] }),
			outputs: { 'List contacts (the cursor never moves on)': count(0) },
			errorOutputs: {
				'List contacts (the cursor never moves on)': [
					{
						// The list and the page named; the node notices the repeated page or the repeated cursor, whichever first.
						error:
							/^ChartMogul: the list GET \/contacts was stopped at page \d+ \(per_page=\d+, cursor=\w+\) .*(same records|cursor).*never end/,
					},
				],
			},
			after({ requests }) {
				const pages = requests.filter((r) => r.method === 'GET' && r.path === '/v1/contacts');
				return pages.length >= 2 && pages.length <= 3
					? []
					: [`expected 2 or 3 list requests before the list was stopped, saw ${pages.length}`];
			},
		},
		{
			// Two pages, again and again, each with a new cursor: stopped at the 3rd request, naming both pages (#26.5).
			file: path.join(__dirname, 'alternating-pages.workflow.json'),
			createFake: () =>
				createChartMogulFake({ apiKey: API_KEY, alternatingCustomers: [ALTERNATING] }),
			outputs: { 'List contacts (two pages, again and again)': count(0) },
			errorOutputs: {
				'List contacts (two pages, again and again)': [
					{
						error:
							/^ChartMogul: the list GET \/contacts was stopped at page 3 \(per_page=200, cursor=\w+\) returned the same records as page 1 \(per_page=200\): the server came back to an earlier page/,
					},
				],
			},
			after({ requests }) {
				const pages = requests.filter((r) => r.method === 'GET' && r.path === '/v1/contacts');
				return pages.length === 3
					? []
					: [`expected the list stopped at the 3rd request, saw ${pages.length} requests`];
			},
		},
		{
			// Loop Over Items: 10 node runs of 20 creates each, against a server limiting at 40/s and 20 open (issue #12.2).
			file: path.join(__dirname, 'loop-rate-limit.workflow.json'),
			createFake: () =>
				withRateLimit(createChartMogulFake({ apiKey: API_KEY }), { perSecond: 40, open: 20 }),
			// Not under the fault suite: its injected 429s would hide whether the node itself kept under the limit.
			faults: false,
			outputs: {
				'Loop Over Items': count(LOOPED, { uuid: /^con_/, email: /^loop\d+@example\.org$/ }),
			},
			after({ fake, requests, run }) {
				const problems = [];
				const creates = requests.filter(
					(r) => r.method === 'POST' && r.path === '/v1/customers/cus_e2e-0001/contacts',
				);
				const emails = new Set(creates.map((r) => r.body?.email));
				if (creates.length !== LOOPED || emails.size !== LOOPED)
					problems.push(
						`${creates.length} creates sent for ${emails.size} distinct e-mails, expected ${LOOPED} of each`,
					);
				if (fake.state.contacts.size !== LOOPED)
					problems.push(`the fake holds ${fake.state.contacts.size} contacts, expected ${LOOPED}`);
				if (fake.stats.r429 !== 0 || fake.stats.r503 !== 0)
					problems.push(
						`the server answered ${fake.stats.r429} × 429 and ${fake.stats.r503} × 503 (at most ${fake.stats.maxPerSecond} accepted in a second, ${fake.stats.maxInFlight} open at once)`,
					);
				if (runsOf(run, 'Create contact') !== LOOPED / 20)
					problems.push(
						`"Create contact" ran ${runsOf(run, 'Create contact')} times, expected ${LOOPED / 20} batches`,
					);
				return problems;
			},
		},
	],
};
