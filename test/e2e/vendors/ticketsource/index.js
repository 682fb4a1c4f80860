'use strict';
/** TicketSource in a real n8n: a customer and a note from create to delete, and the credential test. */
const path = require('node:path');
const { createTicketSourceFake } = require('../../fakes/ticketsource');
const { absent, exactly, count, sameAs } = require('../../lib/expect');

const API_KEY = 'skl-e2e-0123456789';
const SEEDED = 149; // with the one created, two pages of 100

module.exports = {
	name: 'TicketSource',
	// Picked up when the node's source exists; the packed package must then carry it (or the suite fails).
	source: 'nodes/TicketSource/TicketSource.node.ts',
	nodeType: 'n8n-nodes-contact-suite.ticketSource',
	credentialTypes: ['ticketSourceApi'],
	hosts: ['api.ticketsource.io'],
	createFake: () => createTicketSourceFake({ apiKey: API_KEY, seedCustomers: SEEDED }),
	credentials: [
		{
			id: 'e2eTicketSrcKey1',
			name: 'TicketSource (fake)',
			type: 'ticketSourceApi',
			data: { apiKey: API_KEY },
		},
		{
			id: 'e2eTicketSrcBad1',
			name: 'TicketSource (wrong key)',
			type: 'ticketSourceApi',
			data: { apiKey: 'skl-not-the-key' },
		},
	],
	credentialTests: [
		{ credential: 'e2eTicketSrcKey1', status: 'OK' },
		{ credential: 'e2eTicketSrcBad1', status: 'Error', message: /authori[sz]|401/i },
	],
	workflows: [
		{
			file: path.join(__dirname, 'customer-lifecycle.workflow.json'),
			outputs: {
				'Create customer': [
					{
						id: /^cst-/,
						first_name: 'Ada',
						last_name: 'Lovelace',
						email: 'ada@example.com',
						telephone: '01234 567890',
						title: 'Countess',
						consent: { email: true, sms: false },
						// flattened: no JSON:API envelope left
						type: absent,
						attributes: absent,
					},
				],
				'Get customer': [
					{ id: sameAs('Create customer', 'id'), first_name: 'Ada', last_name: 'Lovelace' },
				],
				'Add note': [
					{
						id: /^csn-/,
						description: 'Prefers the aisle seat',
						created_by: 'n8n e2e',
						attributes: absent,
					},
				],
				'Get note': [{ id: sameAs('Add note', 'id'), description: 'Prefers the aisle seat' }],
				'List notes': [{ id: sameAs('Add note', 'id'), created_by: 'n8n e2e' }],
				'List all customers': count(SEEDED + 1, {
					id: /^cst-/,
					first_name: /./,
					attributes: absent,
				}),
				'List 5 customers': count(5, { id: /^cst-/ }),
				'Update customer': [
					{
						id: sameAs('Create customer', 'id'),
						first_name: 'Ada',
						last_name: 'King',
						email: 'ada.king@example.com',
					},
				],
				'Delete note': [exactly({ deleted: true })],
				'Delete customer': [exactly({ deleted: true })],
			},
			// What the fake vendor holds afterwards, and what n8n sent it.
			after({ fake, requests }) {
				const problems = [];
				if (fake.state.customers.size !== SEEDED)
					problems.push(`fake holds ${fake.state.customers.size} customers, expected ${SEEDED}`);
				const pages = requests.filter((r) => r.method === 'GET' && r.path === '/customers');
				if (pages.length < 3)
					problems.push(
						`expected two pages for "List all customers" and one for "List 5 customers", saw ${pages.length} list requests`,
					);
				const unauthorised = requests.filter((r) => r.status === 401);
				if (unauthorised.length)
					problems.push(`${unauthorised.length} request(s) were refused as unauthorised`);
				return problems;
			},
		},
		{
			file: path.join(__dirname, 'errors.workflow.json'),
			// "On error: continue (using error output)": the item goes on with the reason a user can act on.
			errorOutputs: {
				'Get missing customer': [{ error: /not found|404/i }],
				'Create with a bad email': [{ error: /e-?mail/i }],
			},
			outputs: { 'Get missing customer': count(0), 'Create with a bad email': count(0) },
			after: ({ requests }) =>
				requests.some((r) => r.method === 'POST')
					? ['the invalid e-mail address was sent to TicketSource']
					: [],
		},
	],
};
