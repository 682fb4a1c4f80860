import type { ILoadOptionsFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { TicketmaticApi } from '../../credentials/TicketmaticApi.credentials';
import { Ticketmatic } from '../../nodes/Ticketmatic/Ticketmatic.node';
import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { HOST, PREFIX, hmacCredentials, verifyHmac } from './fixtures';

afterEach(resetHttp);

const run = (parameters: Record<string, unknown>) =>
	runNode({
		type: 'ticketmatic',
		parameters: { resource: 'relationType', ...parameters },
		credentials: hmacCredentials,
	});

const types = [
	{ id: 2, name: 'VIP', parentid: 0, isarchived: false },
	{ id: 1, name: 'Press', parentid: 0, isarchived: false },
	{ id: 3, name: 'Old sponsors', parentid: 0, isarchived: true },
];

describe('Ticketmatic relation type', () => {
	test('get', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${PREFIX}/settings/system/relationtypes/2`).reply(200, types[0]);
		const { output } = await run({ operation: 'get', relationTypeId: '2' });
		expect(output).toEqual([{ json: types[0], pairedItem: { item: 0 } }]);
		expect(verifyHmac(api.requests[0].headers.authorization).ok).toBe(true);
	});

	test('getAll: one request with the filters, no paging parameters, the limit applied', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/settings/system/relationtypes`)
			.query(true)
			.reply(200, { data: types, nbrofresults: 3 });
		const { output } = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			filters: { includeArchived: true },
		});
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].query).toEqual({ includearchived: 'true' });
		expect(output).toEqual(types.slice(0, 2).map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('create: POST the name and the parent as an integer; the new relation type is the output', async () => {
		const api = fakeApi(HOST);
		api.scope
			.post(`${PREFIX}/settings/system/relationtypes`)
			.reply(200, (_uri, body) => ({ id: 9, isarchived: false, ...(body as object) }));
		const { output } = await run({
			operation: 'create',
			name: 'Board members',
			additionalFields: { parentId: '={{ "2" }}' },
		});
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].method).toBe('POST');
		expect(api.requests[0].path).toBe(`${PREFIX}/settings/system/relationtypes`);
		expect(api.requests[0].body).toEqual({ name: 'Board members', parentid: 2 });
		expect(verifyHmac(api.requests[0].headers.authorization).ok).toBe(true);
		expect(output).toEqual([
			{
				json: { id: 9, isarchived: false, name: 'Board members', parentid: 2 },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('update: reads the type first and sends name and parentid, the fields not changed as they are', async () => {
		const api = fakeApi(HOST);
		const nested = { id: 2, name: 'VIP', parentid: 1, isarchived: false };
		api.scope.get(`${PREFIX}/settings/system/relationtypes/2`).reply(200, nested);
		api.scope
			.put(`${PREFIX}/settings/system/relationtypes/2`)
			.reply(200, { ...nested, name: 'VIPs' });
		const { output, error } = await run({
			operation: 'update',
			relationTypeId: '2',
			updateFields: { name: 'VIPs' },
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `${PREFIX}/settings/system/relationtypes/2`, undefined],
			['PUT', `${PREFIX}/settings/system/relationtypes/2`, { name: 'VIPs', parentid: 1 }],
		]);
		expect(api.requests.every((r) => verifyHmac(r.headers.authorization).ok)).toBe(true);
		expect(output).toEqual([{ json: { ...nested, name: 'VIPs' }, pairedItem: { item: 0 } }]);
	});

	test('update: a top-level type without parentid is sent with parentid 0; an unknown type fails, nothing sent', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${PREFIX}/settings/system/relationtypes/5`).reply(200, { id: 5, name: 'Crew' });
		api.scope.put(`${PREFIX}/settings/system/relationtypes/5`).reply(200, { id: 5, name: 'Staff' });
		api.scope.get(`${PREFIX}/settings/system/relationtypes/9`).reply(404, { message: 'Not found' });
		const renamed = await run({
			operation: 'update',
			relationTypeId: '5',
			updateFields: { name: 'Staff' },
		});
		const missing = await run({
			operation: 'update',
			relationTypeId: '9',
			updateFields: { name: 'Staff' },
		});
		expect(renamed.error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `${PREFIX}/settings/system/relationtypes/5`, undefined],
			['PUT', `${PREFIX}/settings/system/relationtypes/5`, { name: 'Staff', parentid: 0 }],
			['GET', `${PREFIX}/settings/system/relationtypes/9`, undefined],
		]);
		expect(missing.error?.message).toBe('Ticketmatic has no relation type 9');
	});

	test('delete: DELETE, output { deleted: true }; a non-numeric id is refused before sending', async () => {
		const api = fakeApi(HOST);
		api.scope.delete(`${PREFIX}/settings/system/relationtypes/3`).reply(200, '');
		const { output } = await run({ operation: 'delete', relationTypeId: '3' });
		expect(api.requests.map((r) => [r.method, r.path])).toEqual([
			['DELETE', `${PREFIX}/settings/system/relationtypes/3`],
		]);
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		const bad = await run({ operation: 'delete', relationTypeId: '3/../x' });
		expect(api.requests).toHaveLength(1);
		expect(bad.error?.message).toMatch(/Relation Type ID/);
	});

	test('version 2: update and delete take the relation type from the locator', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${PREFIX}/settings/system/relationtypes/2`).reply(200, types[0]);
		api.scope
			.put(`${PREFIX}/settings/system/relationtypes/2`)
			.reply(200, { ...types[0], parentid: 1 });
		api.scope.delete(`${PREFIX}/settings/system/relationtypes/2`).reply(200, '');
		const v2 = (parameters: Record<string, unknown>) =>
			runNode({
				type: 'ticketmatic',
				typeVersion: 2,
				parameters: { resource: 'relationType', ...parameters },
				credentials: hmacCredentials,
			});
		const updated = await v2({
			operation: 'update',
			relationTypeId: { __rl: true, mode: 'list', value: '2' },
			updateFields: { parentId: 1 },
		});
		const removed = await v2({
			operation: 'delete',
			relationTypeId: { __rl: true, mode: 'id', value: ' 2 ' },
		});
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `${PREFIX}/settings/system/relationtypes/2`, undefined],
			['PUT', `${PREFIX}/settings/system/relationtypes/2`, { name: 'VIP', parentid: 1 }],
			['DELETE', `${PREFIX}/settings/system/relationtypes/2`, undefined],
		]);
		expect(updated.output).toEqual([
			{ json: { ...types[0], parentid: 1 }, pairedItem: { item: 0 } },
		]);
		expect(removed.output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});

	test("the relationTypeIds picker lists the account's relation types (signed request, archived left out)", async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/settings/system/relationtypes`)
			.reply(200, { data: types, nbrofresults: 3 });
		const credential = new TicketmaticApi();
		const node = new Ticketmatic();
		// A load-options context whose HTTP helper signs with the real credential and sends through nock.
		const ctx = {
			getNode: () => ({
				id: 'n',
				name: 'Ticketmatic',
				type: 'ticketmatic',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			}),
			getCredentials: async () => hmacCredentials.ticketmaticApi,
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
					const signed = await credential.authenticate(hmacCredentials.ticketmaticApi, options);
					const response = await fetch(`${signed.baseURL ?? ''}${String(signed.url)}`, {
						method: signed.method,
						headers: signed.headers as Record<string, string>,
					});
					return { statusCode: response.status, headers: {}, body: await response.json() };
				},
			},
		} as unknown as ILoadOptionsFunctions;
		const options = await node.methods.loadOptions.getRelationTypes.call(ctx);
		expect(options).toEqual([
			{ name: 'Press', value: 1 },
			{ name: 'VIP', value: 2 },
		]);
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].method).toBe('GET');
		expect(verifyHmac(api.requests[0].headers.authorization).ok).toBe(true);
	});
});
