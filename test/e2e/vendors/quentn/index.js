'use strict';
/** Quentn in a real n8n: a term, a contact tagged with it and commented on, from create to delete. */
const crypto = require('node:crypto');
const path = require('node:path');
const { createQuentnFake } = require('../../fakes/quentn');
const { exactly, integer, count, sameAs } = require('../../lib/expect');

const API_KEY = 'quentn-e2e-0123456789';
// Quentn's host is <system id>.<server id>.quentn.com, taken from the credential.
const SYSTEM_ID = 'e2esystem';
const SERVER_ID = 's1';
// The Hash Salt of the campaign's Webhook element; Quentn signs with it (X-Quentn-Hmac-Sha256, base64 HMAC-SHA256).
const HASH_SALT = 'e2e-hash-salt-4f1c';
const sign = (raw, salt = HASH_SALT) =>
	crypto.createHmac('sha256', salt).update(raw).digest('base64');

/** Quentn's campaign Webhook element calling the active workflow: signed, forged, unsigned, malformed. */
async function checkTrigger({
	activate,
	waitForWebhook,
	callWebhook,
	waitForExecutions,
	itemsOf,
	executions,
	sleep,
	definition,
}) {
	const problems = [];
	await activate(definition.id);
	const trigger = definition.nodes.find((n) => n.type.endsWith('.quentnTrigger'));
	const url = `${trigger.webhookId}/webhook`;
	const contacts = [
		{ id: '2', first_name: 'Alex', family_name: 'Muster', mail: 'alex.muster@example.com' },
		{ id: '5', first_name: 'Kim', family_name: 'Namenlos', mail: 'kim.namenlos@example.com' },
	];
	const raw = JSON.stringify(contacts, null, 1);
	const json = { 'content-type': 'application/json' };
	const refused = [
		[
			'forged (another salt)',
			401,
			{ ...json, 'X-Quentn-Hmac-Sha256': sign(raw, 'guessed-salt') },
			raw,
		],
		['unsigned', 401, json, raw],
		[
			'signed, but not an array',
			400,
			{ ...json, 'X-Quentn-Hmac-Sha256': sign('{"id":"2"}') },
			'{"id":"2"}',
		],
	];
	// Unsigned: refused with 401 once the webhook is registered, and nothing is started.
	await waitForWebhook(url, { headers: json, body: raw });
	for (const [what, status, headers, body] of refused) {
		const answer = await callWebhook(url, { headers, body });
		if (answer.status !== status)
			problems.push(
				`${what} call: expected ${status}, got ${answer.status} ${answer.text.slice(0, 200)}`,
			);
	}
	const signed = await callWebhook(url, {
		method: 'PUT',
		headers: { ...json, 'X-Quentn-Hmac-Sha256': sign(raw) },
		body: raw,
	});
	if (signed.status !== 200)
		problems.push(`signed call: expected 200, got ${signed.status} ${signed.text.slice(0, 200)}`);
	const done = await waitForExecutions(definition.id, 1, 30_000);
	if (done.length !== 1)
		problems.push(`expected one execution (the signed call), got ${done.length}`);
	else {
		const items = await itemsOf(done[0].id, 'Contacts');
		if (JSON.stringify(items) !== JSON.stringify(contacts))
			problems.push(`the workflow got ${JSON.stringify(items)}, expected the two contacts as sent`);
	}
	await sleep(2000);
	const after = await executions(definition.id);
	if (after.length !== 1) problems.push(`refused calls started executions: ${after.length} in all`);
	return problems;
}

/**
 * A Quentn Webhook credential whose salt is empty or blank (issue #26.4): the trigger fails closed. Unsigned calls and
 * calls "signed" with the empty salt are answered 401 and start nothing.
 */
async function checkTriggerWithoutSalt({
	activate,
	waitForWebhook,
	callWebhook,
	executions,
	sleep,
	definition,
}) {
	const problems = [];
	await activate(definition.id);
	const raw = JSON.stringify([{ id: '2', mail: 'alex.muster@example.com' }]);
	const json = { 'content-type': 'application/json' };
	for (const trigger of definition.nodes.filter((n) => n.type.endsWith('.quentnTrigger'))) {
		const url = `${trigger.webhookId}/webhook`;
		const calls = [
			['unsigned', json],
			['signed with the empty salt', { ...json, 'X-Quentn-Hmac-Sha256': sign(raw, '') }],
		];
		for (const [what, headers] of calls) {
			// The first call also waits until n8n has registered the webhook (404 until then).
			const answer = await waitForWebhook(url, { headers, body: raw });
			if (answer.status !== 401 || !/has no Hash Salt/.test(answer.text))
				problems.push(
					`${trigger.name}, ${what} call: expected 401 naming the missing Hash Salt, got ${answer.status} ${answer.text.slice(0, 200)}`,
				);
		}
		const put = await callWebhook(url, { method: 'PUT', headers: json, body: raw });
		if (put.status !== 401)
			problems.push(`${trigger.name}, unsigned PUT: expected 401, got ${put.status}`);
	}
	await sleep(2000);
	const started = await executions(definition.id);
	if (started.length !== 0) problems.push(`refused calls started ${started.length} execution(s)`);
	return problems;
}

module.exports = {
	name: 'Quentn',
	source: 'nodes/Quentn/Quentn.node.ts',
	nodeType: 'n8n-nodes-contact-suite.quentn',
	credentialTypes: ['quentnApi'],
	hosts: [`${SYSTEM_ID}.${SERVER_ID}.quentn.com`],
	createFake: () => createQuentnFake({ apiKey: API_KEY }),
	credentials: [
		{
			id: 'e2eQuentnKey0001',
			name: 'Quentn (fake)',
			type: 'quentnApi',
			data: { systemId: SYSTEM_ID, serverId: SERVER_ID, apiKey: API_KEY },
		},
		{
			id: 'e2eQuentnBad0001',
			name: 'Quentn (wrong key)',
			type: 'quentnApi',
			data: { systemId: SYSTEM_ID, serverId: SERVER_ID, apiKey: 'not-the-key' },
		},
		{
			id: 'e2eQuentnSalt001',
			name: 'Quentn Webhook (salt)',
			type: 'quentnWebhookApi',
			data: { hashSalt: HASH_SALT },
		},
		{
			id: 'e2eQuentnSalt002',
			name: 'Quentn Webhook (empty salt)',
			type: 'quentnWebhookApi',
			data: { hashSalt: '' },
		},
		{
			id: 'e2eQuentnSalt003',
			name: 'Quentn Webhook (blank salt)',
			type: 'quentnWebhookApi',
			data: { hashSalt: '   ' },
		},
	],
	triggerWorkflows: [
		{ file: path.join(__dirname, 'trigger.workflow.json'), check: checkTrigger },
		{
			file: path.join(__dirname, 'trigger-no-salt.workflow.json'),
			check: checkTriggerWithoutSalt,
		},
	],
	credentialTests: [
		{ credential: 'e2eQuentnKey0001', status: 'OK' },
		{ credential: 'e2eQuentnBad0001', status: 'Error', message: /authori[sz]|401/i },
		{ credential: 'e2eQuentnSalt001', status: 'OK', message: /checked with this salt/ },
	],
	workflows: [
		{
			// The credential is usable in n8n's HTTP Request node too ("Predefined Credential Type"), which sends `uri`.
			file: path.join(__dirname, 'http-request.workflow.json'),
			faults: false, // n8n's own node, not ours: the fault suite tests our retries
			outputs: { 'Check the key with the HTTP Request node': [{ success: true }] },
			after: ({ requests }) =>
				requests.some(
					(r) =>
						r.method === 'GET' &&
						r.path.endsWith('/check-credentials') &&
						r.headers.authorization === `Bearer ${API_KEY}`,
				)
					? []
					: ['no GET /check-credentials with the Bearer key reached the fake'],
		},
		{
			file: path.join(__dirname, 'contact-lifecycle.workflow.json'),
			outputs: {
				'Create term': [{ id: integer }],
				'Create contact': [{ id: integer }],
				'Get contact': [
					{
						id: sameAs('Create contact', 'id'),
						first_name: 'Ada',
						family_name: 'Lovelace',
						mail: 'ada@example.com',
					},
				],
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
				if (contacts.size || terms.size || comments.size)
					problems.push(
						`fake still holds ${contacts.size} contact(s), ${terms.size} term(s), ${comments.size} comment(s)`,
					);
				const update = requests.find(
					(r) => r.method === 'PUT' && /^\/public\/api\/V1\/contact\/\d+$/.test(r.path),
				);
				if (update?.body?.family_name !== 'King')
					problems.push(
						`the update sent ${JSON.stringify(update?.body)}, expected family_name "King"`,
					);
				const tagged = requests.filter(
					(r) => r.path.endsWith('/terms') && r.path.includes('/contact/'),
				);
				if (!tagged.some((r) => r.method === 'PUT') || !tagged.some((r) => r.method === 'DELETE'))
					problems.push("expected a PUT and a DELETE of the contact's terms");
				const commentUpdate = requests.find(
					(r) => r.method === 'PUT' && r.path.endsWith('/comments'),
				);
				if (commentUpdate?.body?.comment !== 'Met at the spring fair')
					problems.push(`the comment update sent ${JSON.stringify(commentUpdate?.body)}`);
				return problems;
			},
		},
		{
			// Quentn answers 404 for an e-mail no contact has and for the terms of a contact that has none (issue #12.8).
			file: path.join(__dirname, 'not-found.workflow.json'),
			outputs: {
				'Get by an unknown email': count(0),
				'Get by an unknown email, Error If Not Found': count(0),
				'Create contact without terms': [{ id: integer }],
				'List its terms': count(0),
				'Delete contact': [exactly({ deleted: true })],
			},
			errorOutputs: {
				'Get by an unknown email, Error If Not Found': [
					{ error: 'No Quentn contact has the email address "nobody@example.com"' },
				],
			},
			after({ requests }) {
				// What n8n asked and what the fake answered: both lookups and the terms list met a 404.
				const notFound = requests.filter(
					(r) =>
						r.method === 'GET' &&
						r.status === 404 &&
						(decodeURIComponent(r.path).endsWith('/contact/nobody@example.com') ||
							r.path.endsWith('/terms')),
				);
				return notFound.length === 3
					? []
					: [`expected 3 GETs answered 404 (2 lookups, 1 terms list), saw ${notFound.length}`];
			},
		},
	],
};
