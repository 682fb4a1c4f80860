/**
 * Every operation of every node, run the way n8n runs a node as an AI agent's tool: through RoutingNode, with the
 * node's `customOperations` ignored (see runAsTool). The table is built from the node descriptions, so an
 * operation added later is covered without touching this file. Each call must send its operation's own request
 * (method and path) through the shared executor, and never a bare request to the account's base URL.
 */
import type { IDataObject, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { packageNodes, runAsTool } from '../harness/engine';
import type { SeenRequest } from '../harness/http';
import { fakeApi, nock, resetHttp } from '../harness/http';
import * as chartMogul from '../chartmogul/fixtures';
import * as jtel from '../jtel/fixtures';
import * as quentn from '../quentn/fixtures';
import * as ticketmatic from '../ticketmatic/fixtures';
import * as ticketSource from '../ticketsource/fixtures';

/** Where each node's requests go (origin + base path) and the credential it runs with. */
const VENDORS: Record<
	string,
	{ origin: string; basePath: string; credentials: Record<string, IDataObject>; emptyList: unknown }
> = {
	chartMogul: {
		origin: chartMogul.HOST,
		basePath: '/v1',
		credentials: chartMogul.credentials,
		emptyList: { entries: [], has_more: false },
	},
	jtel: {
		origin: jtel.SERVER,
		basePath: jtel.BASE_PATH,
		credentials: jtel.credentials,
		emptyList: [],
	},
	// Quentn lists are bare arrays (terms, contact terms); comments come as `{ comments }`, absent in `[]`.
	quentn: {
		origin: quentn.HOST,
		basePath: quentn.API,
		credentials: quentn.credentials,
		emptyList: [],
	},
	ticketmatic: {
		origin: ticketmatic.HOST,
		basePath: ticketmatic.PREFIX,
		credentials: ticketmatic.hmacCredentials,
		emptyList: { data: [], nbrofresults: 0 },
	},
	ticketSource: {
		origin: ticketSource.BASE,
		basePath: '',
		credentials: ticketSource.credentials,
		emptyList: { data: [], links: { next: null } },
	},
};

const CUSTOM_ATTRIBUTE = { type: 'String', key: 'channel', value: 'Web', source: '' };

/** Values the generic minimal ones do not satisfy (a check across several parameters). */
const OVERRIDES: Record<string, IDataObject> = {
	// jtel needs one phone number to dial (nodes/Jtel/resources/diallerContact/checks.ts).
	'jtel.diallerContact.import': { phoneNumber1: '+4930123456' },
	// Get by User Data needs user data or contact IDs, neither of them required alone.
	'jtel.diallerContact.getByUserData': { userData: ['crm-1'] },
	// ChartMogul custom attributes: at least one row with a key (and a type and value for Add and Update).
	'chartMogul.customerAttribute.add': { customAttributes: { attribute: [CUSTOM_ATTRIBUTE] } },
	'chartMogul.customerAttribute.update': { customAttributes: { attribute: [CUSTOM_ATTRIBUTE] } },
	'chartMogul.customerAttribute.remove': { customAttributes: { attribute: [{ key: 'channel' }] } },
	// An update needs something to change (nodes/Quentn/resources/customField/fields.ts).
	'quentn.customField.update': { updateFields: { label: 'Renamed' } },
	// A batch update needs one field to change (nodes/Ticketmatic/resources/contact/updateMany.ts).
	'ticketmatic.contact.updateMany': {
		fields: { field: [{ key: 'c_level', updateType: 'set', value: 'gold' }] },
	},
};

/**
 * Operations that send more than their routing shows, with every request they send (paths from the origin):
 * Create or Update looks the record up first (the fake's answer decides which way it goes); Quentn's campaign
 * API has its own base path.
 */
const SENDS: Record<string, string[]> = {
	'chartMogul.contact.upsert': ['GET /v1/contacts', 'POST /v1/customers/1/contacts'],
	'quentn.contact.upsert': [
		`GET ${quentn.API}/contact/ada%40example.com`,
		`POST ${quentn.API}/contact`,
	],
	// The fake answers the lookup with a record of id 1, so the contact is updated.
	'ticketmatic.contact.upsert': [
		`GET ${ticketmatic.PREFIX}/contacts/0`,
		`PUT ${ticketmatic.PREFIX}/contacts/1`,
	],
	'quentn.campaign.start': ['POST /public/api/v1/cb/1'],
	// The type is read first: Ticketmatic wants name and parentid in every update.
	'ticketmatic.relationType.update': [
		`GET ${ticketmatic.PREFIX}/settings/system/relationtypes/1`,
		`PUT ${ticketmatic.PREFIX}/settings/system/relationtypes/1`,
	],
};

/** A value every vendor's check accepts for a required parameter of this name and type; ids differ (`next`). */
function minimalValue(property: INodeProperties, next: () => string): unknown {
	if (/mail/i.test(property.name) && property.type === 'string') return 'ada@example.com';
	if (/phone/i.test(property.name) && property.type === 'string') return '+4930123456';
	switch (property.type) {
		case 'string':
			return next();
		case 'number':
			return typeof property.default === 'number' && property.default > 0 ? property.default : 1;
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: next() };
		case 'multiOptions':
			return [1];
		case 'options':
			return property.default !== ''
				? property.default
				: property.options?.[0] && 'value' in property.options[0]
					? property.options[0].value
					: '';
		default:
			return property.default;
	}
}

interface Case {
	type: string;
	resource: string;
	operation: string;
	parameters: IDataObject;
	method: string;
	/** The path the request must go to, relative to the base path, placeholders filled. */
	path: string;
	list: boolean;
}

function shown(node: INodeType, parameters: IDataObject): INodeProperties[] {
	return node.description.properties.filter((property) =>
		NodeHelpers.displayParameter(
			parameters as never,
			property,
			{ typeVersion: 1 },
			node.description,
		),
	);
}

function casesOf(type: string, node: INodeType): Case[] {
	const properties = node.description.properties;
	const resources = properties.find((p) => p.name === 'resource')!.options as Array<{
		value: string;
	}>;
	return resources.flatMap(({ value: resource }) => {
		const operationProperty = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		)!;
		return (
			operationProperty.options as Array<{
				value: string;
				routing?: { request?: { method?: string; url?: string } };
			}>
		).map((option) => {
			const parameters: IDataObject = {
				resource,
				operation: option.value,
				...OVERRIDES[`${type}.${resource}.${option.value}`],
			};
			let id = 0;
			const next = () => String(++id);
			// Defaults first (they decide what is shown), then a minimal value for every required parameter shown.
			for (let round = 0; round < 3; round++) {
				for (const property of shown(node, parameters)) {
					if (property.name in parameters) continue;
					parameters[property.name] = (
						property.required ? minimalValue(property, next) : property.default
					) as IDataObject[string];
				}
			}
			// A shown field may set the URL for its own case (jtel's delete by ID).
			const fieldUrl = shown(node, parameters)
				.map((p) => p.routing?.request?.url)
				.filter((url): url is string => typeof url === 'string')
				.pop();
			const template = fieldUrl ?? option.routing?.request?.url ?? '(no routing)';
			const path = template.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
				const value = parameters[name] as unknown;
				const text = value && typeof value === 'object' ? (value as IDataObject).value : value;
				return encodeURIComponent(String(text));
			});
			const list = 'returnAll' in parameters;
			return {
				type,
				resource,
				operation: option.value,
				parameters,
				method: option.routing?.request?.method ?? '(none)',
				path,
				list,
			};
		});
	});
}

// Only nodes an AI agent can call (the trigger nodes are not tools).
const CASES = packageNodes()
	.filter(({ node }) => node.description.usableAsTool)
	.flatMap(({ type, node }) => casesOf(type, node));

/** An answer that every operation's output shaping accepts: an empty list for lists, one result per bulk entry, a record otherwise. */
function answer(c: Case, body: unknown): unknown {
	if (c.list) return VENDORS[c.type].emptyList;
	if (Array.isArray(body)) return body.map((_, index) => ({ id: index + 1, ok: true }));
	const contacts = (body as IDataObject | undefined)?.contacts;
	if (Array.isArray(contacts))
		return contacts.map((_, index) => ({ id: index + 1, email: 'ada@example.com' }));
	return { id: 1, data: { id: '1', attributes: {} }, entries: [], has_more: false };
}

afterEach(resetHttp);

describe('as an AI tool, every operation sends its own request through the executor', () => {
	test('the table covers every node and the bulk operations', () => {
		expect(new Set(CASES.map((c) => c.type))).toEqual(new Set(Object.keys(VENDORS)));
		const names = CASES.map((c) => `${c.type}.${c.resource}.${c.operation}`);
		expect(names).toEqual(
			expect.arrayContaining([
				'ticketmatic.contact.import',
				'ticketmatic.contact.addRelationTypes',
				'ticketmatic.contact.removeRelationTypes',
				'ticketmatic.contact.updateMany',
				'ticketmatic.contact.merge',
				'ticketmatic.contact.deleteMany',
				'quentn.customField.get',
				'quentn.customField.create',
				'quentn.customField.update',
				'quentn.customField.delete',
				'quentn.contact.createMany',
				'chartMogul.customerTag.addByEmail',
				'chartMogul.customerAttribute.get',
				'chartMogul.customerAttribute.add',
				'chartMogul.customerAttribute.update',
				'chartMogul.customerAttribute.remove',
			]),
		);
	});

	test.each(
		CASES.map((c) => [`${c.type} ${c.resource} ${c.operation}: ${c.method} ${c.path}`, c] as const),
	)('%s', async (_name, c) => {
		const vendor = VENDORS[c.type];
		nock.disableNetConnect();
		const seen: SeenRequest[] = [];
		const scope = nock(vendor.origin).persist();
		for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
			scope.intercept(/.*/, method).reply(function (uri, body) {
				const url = new URL(uri, vendor.origin);
				const parsed =
					typeof body === 'string' && body !== '' ? (JSON.parse(body) as unknown) : body;
				seen.push({
					method,
					path: url.pathname,
					query: Object.fromEntries(url.searchParams),
					headers: {},
					body: parsed,
				});
				return [200, answer(c, parsed) as nock.Body];
			});
		}

		const { error } = await runAsTool({
			type: c.type,
			parameters: c.parameters,
			credentials: vendor.credentials as never,
		});

		expect(error).toBeUndefined();
		expect(seen.length).toBeGreaterThan(0);
		const sends = SENDS[`${c.type}.${c.resource}.${c.operation}`];
		if (sends) {
			expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual(sends);
			return;
		}
		for (const request of seen) {
			// Never a bare request to the account's base URL (what a routing-less operation sends as a tool).
			expect(request.path.replace(/\/$/, '')).not.toBe(vendor.basePath);
			expect(`${request.method} ${request.path}`).toBe(`${c.method} ${vendor.basePath}${c.path}`);
		}
	});
});

describe('a bulk operation as a tool', () => {
	test('Ticketmatic Import: one POST /contacts/import with the one contact; the agent gets the vendor result', async () => {
		const api = fakeApi(ticketmatic.HOST);
		api.scope.post(`${ticketmatic.PREFIX}/contacts/import`).reply(200, [{ id: 10042, ok: true }]);
		const { response, error } = await runAsTool({
			type: 'ticketmatic',
			parameters: {
				resource: 'contact',
				operation: 'import',
				email: 'ada@example.com',
				additionalFields: { firstName: 'Ada' },
			},
			credentials: ticketmatic.hmacCredentials,
		});
		expect(error).toBeUndefined();
		expect(response).toEqual([{ id: 10042, ok: true }]);
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].body).toEqual([{ email: 'ada@example.com', firstname: 'Ada' }]);
		expect(api.requests[0].headers.authorization).toMatch(
			/^TM-HMAC-SHA256 key=access-key-0123 ts=/,
		);
	});

	test('Ticketmatic Merge: one POST /contacts/batch; the agent is told what was merged into what', async () => {
		const api = fakeApi(ticketmatic.HOST);
		api.scope.post(`${ticketmatic.PREFIX}/contacts/batch`).reply(200, '');
		const { response, error } = await runAsTool({
			type: 'ticketmatic',
			parameters: {
				resource: 'contact',
				operation: 'merge',
				primaryContactId: '10001',
				contactIds: '10002, 10003',
			},
			credentials: ticketmatic.hmacCredentials,
		});
		expect(error).toBeUndefined();
		expect(response).toEqual([{ primaryContactId: 10001, mergedContactIds: [10002, 10003] }]);
		expect(api.requests.map((r) => r.body)).toEqual([
			{ ids: [10002, 10003], operation: 'merge', parameters: { primary: 10001 } },
		]);
	});

	test('Ticketmatic Update Many without a field: refused, nothing sent (an id-less or empty batch never goes out)', async () => {
		const api = fakeApi(ticketmatic.HOST);
		api.scope.post(/.*/).reply(200, '');
		const { response, error } = await runAsTool({
			type: 'ticketmatic',
			parameters: { resource: 'contact', operation: 'updateMany', contactId: '7', fields: {} },
			credentials: ticketmatic.hmacCredentials,
		});
		expect(response).toBeUndefined();
		expect(error?.message).toContain('Not sent: no field to update');
		expect(api.requests).toHaveLength(0);
	});

	test("Quentn Create Many: a refused contact is the tool call's error, in Quentn's words", async () => {
		const api = fakeApi(quentn.HOST);
		api.scope
			.post(`${quentn.API}/contacts`)
			.reply(200, [{ email: 'ada@example.com', error: true, message: 'Contact is blocked' }]);
		const { response, error } = await runAsTool({
			type: 'quentn',
			parameters: { resource: 'contact', operation: 'createMany', email: 'ada@example.com' },
			credentials: quentn.credentials,
		});
		expect(response).toBeUndefined();
		expect(error?.message).toContain('Quentn: Contact is blocked (ada@example.com)');
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].body).toMatchObject({ contacts: [{ mail: 'ada@example.com' }] });
	});
});
