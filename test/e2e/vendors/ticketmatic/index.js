'use strict';
/** Ticketmatic in a real n8n: every request signed (TM-HMAC-SHA256) and checked by the fake; Basic auth tested too. */
const path = require('node:path');
const { createTicketmaticFake } = require('../../fakes/ticketmatic');
const { exactly, integer, count, sameAs } = require('../../lib/expect');

const ACCOUNT = 'e2eaccount';
const ACCESS_KEY = 'e2e-access-key';
const SECRET_KEY = 'e2e-secret-key-0123456789';
const keys = { accountName: ACCOUNT, accessKey: ACCESS_KEY, secretKey: SECRET_KEY };

module.exports = {
	name: 'Ticketmatic',
	source: 'nodes/Ticketmatic/Ticketmatic.node.ts',
	nodeType: 'n8n-nodes-contact-suite.ticketmatic',
	credentialTypes: ['ticketmaticApi'],
	hosts: ['apps.ticketmatic.com'],
	createFake: () => createTicketmaticFake(keys),
	credentials: [
		{ id: 'e2eTicketmHmac01', name: 'Ticketmatic (fake, signed)', type: 'ticketmaticApi', data: { ...keys, authentication: 'hmac' } },
		{ id: 'e2eTicketmBasic1', name: 'Ticketmatic (fake, basic auth)', type: 'ticketmaticApi', data: { ...keys, authentication: 'basic' } },
		{ id: 'e2eTicketmBad001', name: 'Ticketmatic (wrong secret)', type: 'ticketmaticApi', data: { ...keys, secretKey: 'not-the-secret', authentication: 'hmac' } },
	],
	credentialTests: [
		{ credential: 'e2eTicketmHmac01', status: 'OK' },
		{ credential: 'e2eTicketmBasic1', status: 'OK' },
		{ credential: 'e2eTicketmBad001', status: 'Error', message: /authori[sz]|signature|secret key|401/i },
	],
	workflows: [
		{
			file: path.join(__dirname, 'contact-lifecycle.workflow.json'),
			outputs: {
				'Create contact': [{ id: integer, firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com' }],
				'Get contact': [{ id: sameAs('Create contact', 'id'), email: 'ada@example.com' }],
				'Find contact by email': [{ id: sameAs('Create contact', 'id') }],
				'Update contact': [{ id: sameAs('Create contact', 'id'), firstname: 'Ada', lastname: 'King' }],
				'List relation types': count(2, { id: integer, name: /./ }),
				'List contacts': count(1, { id: sameAs('Create contact', 'id') }),
				'Add remark': [{ id: integer, content: 'Prefers the aisle seat', pinned: true }],
				'Update remark': [{ id: sameAs('Add remark', 'id'), content: 'Prefers the aisle seat, row 5' }],
				'Get remark': [{ id: sameAs('Add remark', 'id'), content: 'Prefers the aisle seat, row 5', pinned: true }],
				'Delete remark': [exactly({ deleted: true })],
				'Delete contact': [exactly({ deleted: true })],
			},
			after({ fake, requests }) {
				const problems = [];
				const unsigned = requests.filter((r) => !String(r.headers.authorization || '').startsWith('TM-HMAC-SHA256 '));
				if (unsigned.length) problems.push(`${unsigned.length} request(s) were not signed: ${unsigned.map((r) => `${r.method} ${r.path}`).join(', ')}`);
				const refused = requests.filter((r) => r.status === 401);
				if (refused.length) problems.push(`${refused.length} signed request(s) were refused by the fake`);
				const contact = [...fake.state.contacts.values()][0];
				if (!contact) problems.push('the fake holds no contact');
				else {
					if (JSON.stringify(contact.relationtypes) !== '[2]') problems.push(`the contact's relation types are ${JSON.stringify(contact.relationtypes)}, expected [2] (VIP)`);
					if (!contact.isdeleted) problems.push('the contact was not archived by the delete');
				}
				if (fake.state.remarks.size) problems.push(`fake still holds ${fake.state.remarks.size} remark(s)`);
				return problems;
			},
		},
	],
};
