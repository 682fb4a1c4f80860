'use strict';
/** ChartMogul in a real n8n: two contacts created, read, updated, listed, merged and deleted, and a call log. */
const path = require('node:path');
const { createChartMogulFake } = require('../../fakes/chartmogul');
const { exactly, count, sameAs } = require('../../lib/expect');

const API_KEY = 'cm-e2e-0123456789';
const SEEDED = 250; // with the two created, two pages of 200

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
	],
};
