'use strict';
/** jtel in a real n8n: the server is the user's, so the suite gives it a name (jtel.e2e.test) and a Clients ID. */
const path = require('node:path');
const { createJtelFake } = require('../../fakes/jtel');
const { exactly, integer, count, sameAs } = require('../../lib/expect');

const HOST = 'jtel.e2e.test';
const CLIENTS_ID = '42';
const TOKEN = 'jtel-e2e-token-0123456789';
// Not a fake host: inside n8n the suite's DNS preload answers ENOTFOUND for it, as a mistyped server name would get.
const UNKNOWN_HOST = 'jtel-unknown.invalid';
const NODE_TIME_LIMIT_MS = 1000;
// n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED; @n8n/config ssrf-protection.config) refuses 127.0.0.0/8, where
// the fakes listen: an on-premises jtel server on a private address meets the same refusal.
const SSRF_ON = { N8N_SSRF_PROTECTION_ENABLED: 'true' };
const SSRF_SETTINGS = ['N8N_SSRF_ALLOWED_HOSTNAMES', 'N8N_SSRF_ALLOWED_IP_RANGES'];
const campaigns = { 'List campaigns': [{ ID: 11, Name: 'E2E campaign' }] };

module.exports = {
	name: 'jtel',
	source: 'nodes/Jtel/Jtel.node.ts',
	nodeType: 'n8n-nodes-contact-suite.jtel',
	credentialTypes: ['jtelApi'],
	hosts: [HOST],
	createFake: () => createJtelFake({ host: HOST, clientsId: CLIENTS_ID, token: TOKEN }),
	credentials: [
		{
			id: 'e2eJtelToken0001',
			name: 'jtel (fake)',
			type: 'jtelApi',
			data: { serverUrl: `https://${HOST}`, clientsId: CLIENTS_ID, token: TOKEN },
		},
		{
			id: 'e2eJtelBadToken1',
			name: 'jtel (wrong token)',
			type: 'jtelApi',
			data: { serverUrl: `https://${HOST}`, clientsId: CLIENTS_ID, token: 'not-the-token' },
		},
		{
			id: 'e2eJtelNoHost001',
			name: 'jtel (server name does not resolve)',
			type: 'jtelApi',
			data: { serverUrl: `https://${UNKNOWN_HOST}`, clientsId: CLIENTS_ID, token: TOKEN },
		},
	],
	credentialTests: [
		{ credential: 'e2eJtelToken0001', status: 'OK' },
		{ credential: 'e2eJtelBadToken1', status: 'Error', message: /authori[sz]|token|401/i },
	],
	pickers: [
		{
			label: "the account's dialler campaigns",
			parameter: 'campaignId',
			method: 'searchCampaigns',
			parameters: { resource: 'diallerContact', operation: 'import', campaignBy: 'id' },
			credential: 'e2eJtelToken0001',
			expect: [{ name: /E2E campaign/ }],
		},
	],
	workflows: [
		{
			file: path.join(__dirname, 'contact-lifecycle.workflow.json'),
			outputs: {
				'List campaigns': [{ ID: 11, Name: 'E2E campaign' }],
				'Get campaign': [{ ID: 11, Name: 'E2E campaign' }],
				'Import contact': [
					{
						ID: integer,
						Name: 'Mustermann',
						DiallerCampaignsID: 11,
						UserData: 'crm-4711',
						Comment: 'Call after 5 pm',
					},
				],
				'Update it by user data': [
					{ ID: sameAs('Import contact', 'ID'), Name: 'Musterfrau', PhoneNumber1: '+4989654321' },
				],
				'Get contact': [{ ID: sameAs('Import contact', 'ID'), Name: 'Musterfrau' }],
				'Get by user data': [{ ID: sameAs('Import contact', 'ID'), UserData: 'crm-4711' }],
				'Get by contact ID': [{ ID: sameAs('Import contact', 'ID'), UserData: 'crm-4711' }],
				'List campaign contacts': count(1, { ID: sameAs('Import contact', 'ID') }),
				'Delete contact': [exactly({ deleted: true })],
			},
			after({ fake, requests }) {
				const problems = [];
				if (fake.state.contacts.size)
					problems.push(`fake still holds ${fake.state.contacts.size} contact(s)`);
				const lookups = requests.filter(
					(r) => r.method === 'POST' && r.path.endsWith('/dialler/contacts'),
				);
				const byId = lookups.find((r) => r.body?.IDList);
				if (!byId || byId.body.UserDataList || !Number.isInteger(byId.body.IDList[0]))
					problems.push(`the lookup by contact ID sent ${JSON.stringify(byId?.body)}`);
				const imports = requests.filter((r) => r.path.endsWith('/dialler/contacts/import'));
				if (imports.map((r) => r.query.overwriteDuplicates).join() !== 'false,true')
					problems.push(
						`overwriteDuplicates sent as ${imports.map((r) => r.query.overwriteDuplicates).join()}`,
					);
				return problems;
			},
		},
		{
			// A host name that does not resolve is not retried: 10 items fail at once, each saying what to fix (issue #12.6).
			file: path.join(__dirname, 'unknown-host.workflow.json'),
			// Not under the fault suite: nothing reaches a fake to inject faults into, and its look-up of a name that is
			// no fake host is exactly what the suite's host check reports.
			faults: false,
			outputs: { 'Import contact': count(0) },
			errorOutputs: { 'Import contact': count(10, { error: /./ }) },
			after({ requests, run }) {
				const problems = [];
				if (requests.length)
					problems.push(
						`the jtel fake got ${requests.length} request(s); nothing should leave n8n`,
					);
				const task = run.raw.data.resultData.runData['Import contact']?.[0];
				const errors = (task?.data?.main?.[1] ?? []).map((item) => item.error ?? {});
				const unnamed = errors.filter(
					(e) => !/"Server URL"/.test(`${e.message ?? ''} ${e.description ?? ''}`),
				);
				if (unnamed.length)
					problems.push(
						`${unnamed.length} of ${errors.length} error(s) do not name "Server URL": ${JSON.stringify(unnamed[0]).slice(0, 300)}`,
					);
				if (!(task?.executionTime < NODE_TIME_LIMIT_MS))
					problems.push(
						`"Import contact" took ${task?.executionTime} ms of node time, expected under ${NODE_TIME_LIMIT_MS} ms (no retries)`,
					);
				return problems;
			},
		},
		{
			file: path.join(__dirname, 'ssrf-blocked.workflow.json'),
			env: SSRF_ON,
			// Nothing reaches a fake to inject faults into.
			faults: false,
			outputs: { 'List campaigns': count(0) },
			errorOutputs: { 'List campaigns': count(1, { error: /SSRF protection/ }) },
			after({ requests, run }) {
				const problems = [];
				if (requests.length)
					problems.push(`the jtel fake got ${requests.length} request(s); n8n should refuse them`);
				const task = run.raw.data.resultData.runData['List campaigns']?.[0];
				for (const error of (task?.data?.main?.[1] ?? []).map((item) => item.error ?? {})) {
					const text = `${error.message ?? ''} ${error.description ?? ''}`;
					const unnamed = SSRF_SETTINGS.filter((setting) => !text.includes(setting));
					if (unnamed.length)
						problems.push(`the error does not name ${unnamed.join(', ')}: ${text.slice(0, 300)}`);
				}
				return problems;
			},
		},
		{
			file: path.join(__dirname, 'ssrf-allowed.workflow.json'),
			env: { ...SSRF_ON, N8N_SSRF_ALLOWED_HOSTNAMES: HOST },
			outputs: campaigns,
		},
		{
			file: path.join(__dirname, 'ssrf-allowed.workflow.json'),
			name: "jtel: with SSRF protection on and the fakes' address allowed by N8N_SSRF_ALLOWED_IP_RANGES, the node works",
			env: (suite) => ({
				...SSRF_ON,
				N8N_SSRF_ALLOWED_IP_RANGES: `${suite.CONTACT_SUITE_E2E_ADDRESS}/32`,
			}),
			outputs: campaigns,
		},
	],
};
