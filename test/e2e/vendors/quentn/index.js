'use strict';
/** Quentn in a real n8n: a term, a contact tagged with it and commented on, from create to delete. */
const path = require('node:path');
const { createQuentnFake } = require('../../fakes/quentn');
const { exactly, integer, count, sameAs } = require('../../lib/expect');

const API_KEY = 'quentn-e2e-0123456789';
// Quentn's host is <system id>.<server id>.quentn.com, taken from the credential.
const SYSTEM_ID = 'e2esystem';
const SERVER_ID = 's1';

module.exports = {
	name: 'Quentn',
	source: 'nodes/Quentn/Quentn.node.ts',
	nodeType: 'n8n-nodes-contact-suite.quentn',
	credentialTypes: ['quentnApi'],
	hosts: [`${SYSTEM_ID}.${SERVER_ID}.quentn.com`],
	createFake: () => createQuentnFake({ apiKey: API_KEY }),
	credentials: [
		{ id: 'e2eQuentnKey0001', name: 'Quentn (fake)', type: 'quentnApi', data: { systemId: SYSTEM_ID, serverId: SERVER_ID, apiKey: API_KEY } },
		{ id: 'e2eQuentnBad0001', name: 'Quentn (wrong key)', type: 'quentnApi', data: { systemId: SYSTEM_ID, serverId: SERVER_ID, apiKey: 'not-the-key' } },
	],
	credentialTests: [
		{ credential: 'e2eQuentnKey0001', status: 'OK' },
		{ credential: 'e2eQuentnBad0001', status: 'Error', message: /authori[sz]|401/i },
	],
	workflows: [
		{
			// The credential is usable in n8n's HTTP Request node too ("Predefined Credential Type"), which sends `uri`.
			file: path.join(__dirname, 'http-request.workflow.json'),
			faults: false, // n8n's own node, not ours: the fault suite tests our retries
			outputs: { 'Check the key with the HTTP Request node': [{ success: true }] },
			after: ({ requests }) =>
				requests.some((r) => r.method === 'GET' && r.path.endsWith('/check-credentials') && r.headers.authorization === `Bearer ${API_KEY}`)
					? []
					: ['no GET /check-credentials with the Bearer key reached the fake'],
		},
		{
			file: path.join(__dirname, 'contact-lifecycle.workflow.json'),
			outputs: {
				'Create term': [{ id: integer }],
				'Create contact': [{ id: integer }],
				'Get contact': [{ id: sameAs('Create contact', 'id'), first_name: 'Ada', family_name: 'Lovelace', mail: 'ada@example.com' }],
				'Find contact by email': [{ id: sameAs('Create contact', 'id'), mail: 'ada@example.com' }],
				'Update contact': [{ success: 'true' }],
				'List contact terms': [{ id: sameAs('Create term', 'id'), name: 'Newsletter' }],
				'Add comment': [{ comment_id: integer }],
				'List comments': count(1, { comment: 'Met at the fair' }),
				'Delete comment': [exactly({ deleted: true })],
				'Delete contact': [exactly({ deleted: true })],
				'Delete term': [exactly({ deleted: true })],
			},
			after({ fake, requests }) {
				const problems = [];
				const { contacts, terms, comments } = fake.state;
				if (contacts.size || terms.size || comments.size) problems.push(`fake still holds ${contacts.size} contact(s), ${terms.size} term(s), ${comments.size} comment(s)`);
				const update = requests.find((r) => r.method === 'PUT' && /^\/public\/api\/V1\/contact\/\d+$/.test(r.path));
				if (update?.body?.family_name !== 'King') problems.push(`the update sent ${JSON.stringify(update?.body)}, expected family_name "King"`);
				const tagged = requests.filter((r) => r.path.endsWith('/terms') && r.path.includes('/contact/'));
				if (!tagged.some((r) => r.method === 'PUT') || !tagged.some((r) => r.method === 'DELETE')) problems.push('expected a PUT and a DELETE of the contact\'s terms');
				const commentUpdate = requests.find((r) => r.method === 'PUT' && r.path.endsWith('/comments'));
				if (commentUpdate?.body?.comment !== 'Met at the spring fair') problems.push(`the comment update sent ${JSON.stringify(commentUpdate?.body)}`);
				return problems;
			},
		},
	],
};
