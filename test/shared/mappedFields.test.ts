/**
 * A field mapped from the input (`{{ $json.id }}`) costs an expression evaluation each time n8n resolves it, and n8n's
 * RoutingNode resolves every node property by name, once per definition with that name (n8n-core routing-node
 * `runNode`). Shared fields are one definition (nodes/shared/definitions.ts), so an item's mapped ID is evaluated a
 * few times, not once per operation that has the field (24 times per item in Ticketmatic before).
 * From n8n-core 2.41 on, RoutingNode makes that pass twice per item: the second (`resolveBaseUrl`) decides whether the
 * base URL is the node's own, for the credential's allowed domains. The counts below are per pass.
 */
import { RoutingNode } from 'n8n-core';
import { Expression } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import {
	CUSTOMER,
	DATA_SOURCE,
	HOST as CM_HOST,
	contact as cmContact,
	credentials as cmCredentials,
} from '../chartmogul/fixtures';
import { HOST, PREFIX, contact, hmacCredentials } from '../ticketmatic/fixtures';

afterEach(() => {
	resetHttp();
	jest.restoreAllMocks();
});

/** How many times RoutingNode resolves the node's properties for one item (n8n-core routing-node.ts). */
const passes = 'resolveBaseUrl' in RoutingNode.prototype ? 2 : 1;

/** How often the expression was evaluated, per resolving pass of RoutingNode. */
function countEvaluations(expression: string): () => number {
	const spy = jest.spyOn(Expression.prototype, 'resolveSimpleParameterValue');
	return () => spy.mock.calls.filter(([value]) => value === expression).length / passes;
}

test('Ticketmatic contact Get with a mapped Contact ID: evaluated at most 10 times per item (was 24 + 1)', async () => {
	const api = fakeApi(HOST);
	api.scope.get(`${PREFIX}/contacts/42`).times(3).reply(200, contact(42));
	const evaluations = countEvaluations('={{ $json.id }}');

	const { output, error } = await runNode({
		type: 'ticketmatic',
		typeVersion: 2,
		parameters: {
			resource: 'contact',
			operation: 'get',
			contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		},
		credentials: hmacCredentials,
		items: [{ id: 42 }, { id: 42 }, { id: 42 }],
	});

	expect(error).toBeUndefined();
	expect(output).toHaveLength(3);
	expect(api.requests.map((r) => r.path)).toEqual(Array(3).fill(`${PREFIX}/contacts/42`));
	expect(evaluations() / 3).toBeLessThanOrEqual(10);
});

test('ChartMogul contact Create with a mapped e-mail in Additional Fields: evaluated twice per item (was 5)', async () => {
	const api = fakeApi(CM_HOST);
	api.scope.post(`/v1/customers/${CUSTOMER}/contacts`).times(2).reply(200, cmContact('con_1'));
	const evaluations = countEvaluations('={{ $json.email }}');

	const { output, error } = await runNode({
		type: 'chartMogul',
		typeVersion: 2,
		parameters: {
			resource: 'contact',
			operation: 'create',
			customerUuid: { __rl: true, mode: 'id', value: CUSTOMER },
			dataSourceUuid: { __rl: true, mode: 'id', value: DATA_SOURCE },
			additionalFields: { email: '={{ $json.email }}' },
		},
		credentials: cmCredentials,
		items: [{ email: 'a@example.org' }, { email: 'b@example.org' }],
	});

	expect(error).toBeUndefined();
	expect(output).toHaveLength(2);
	expect(api.requests.map((r) => (r.body as { email?: string }).email)).toEqual([
		'a@example.org',
		'b@example.org',
	]);
	// Once for the one Additional Fields definition (three operations share it) and once for its routing; the
	// e-mail check reads the routed body.
	expect(evaluations() / 2).toBe(2);
});
