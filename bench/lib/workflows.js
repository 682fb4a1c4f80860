'use strict';
/**
 * The bench's workflows: each starts with a Manual Trigger (for `n8n execute`) or a Webhook (for the warm `n8n start`,
 * answering when the last node finished), then its nodes in a row.
 */
const crypto = require('node:crypto');

const MANUAL = {
	parameters: {},
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
};

/** A Webhook trigger at `/webhook/<path>` that answers (with no data) once the last node finished. */
const webhook = (path) => ({
	parameters: {
		httpMethod: 'POST',
		path,
		responseMode: 'lastNode',
		responseData: 'noData',
		options: {},
	},
	name: 'Start',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	webhookId: crypto.randomUUID(),
});

/** n8n's workflow ids are 16 characters. */
const workflowId = (text) =>
	text
		.replace(/[^A-Za-z0-9]/g, '')
		.slice(0, 16)
		.padEnd(16, '0');

/** A workflow of `nodes` in a row after its trigger: manual, or a webhook at `webhookPath`. */
function workflow(id, name, nodes, { webhookPath } = {}) {
	const all = [webhookPath ? webhook(webhookPath) : MANUAL, ...nodes].map((n, i) => ({
		position: [200 * i, 0],
		id: crypto.randomUUID(),
		...n,
	}));
	const connections = {};
	for (let i = 0; i < all.length - 1; i++)
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return {
		id: workflowId(id),
		name,
		active: false,
		nodes: all,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const ref = (credential) => ({ id: credential.id, name: credential.name });

/** n8n's HTTP Request node (v4.2) doing a Return All with its "update a parameter in each request" pagination. */
function httpNode(name, { url, qs, credential, param, complete }) {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		credentials: { [credential.type]: ref(credential) },
		parameters: {
			url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: credential.type,
			sendQuery: true,
			queryParameters: {
				parameters: Object.entries(qs).map(([n, value]) => ({ name: n, value: String(value) })),
			},
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'qs', name: param.name, value: param.value }] },
						paginationCompleteWhen: 'other',
						completeExpression: complete,
						limitPagesFetched: false,
						requestInterval: 0,
					},
				},
			},
		},
	};
}

/** `count` input items for the bulk benches, made by a Code node: `{ email, first, last }`, e-mails numbered from 1. */
const makeItems = (count, prefix = 'bulk') => ({
	name: 'Make items',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { email: '${prefix}' + (i + 1) + '@example.org', id: 20001 + i, first: 'Bulk', last: 'Contact ' + (i + 1) } }));`,
	},
});

module.exports = { workflow, workflowId, httpNode, makeItems, ref };
