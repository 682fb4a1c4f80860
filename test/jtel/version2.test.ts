/** Version 2: the import's campaign is one locator (list, ID, name); contact is a locator; contact reads have Simplify. */
import type { IDataObject } from 'n8n-workflow';

import { runListSearch, runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASE_PATH, SERVER, contact, credentials, list, one } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject) =>
	runNode({
		type: 'jtel',
		typeVersion: 2,
		parameters: { resource: 'diallerContact', ...parameters },
		credentials,
	});
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

const SIMPLE = [
	'ID',
	'DiallerCampaignsID',
	'UserData',
	'Name',
	'FirstName',
	'Company',
	'PhoneNumber1',
	'Email',
	'dtNextTry',
];
const simple = (id: number) =>
	Object.fromEntries(SIMPLE.map((key) => [key, (contact(id) as IDataObject)[key]]));

describe('jtel version 2', () => {
	test.each([
		['list', '538', { DiallerCampaignsID: 538 }],
		['id', ' 538 ', { DiallerCampaignsID: 538 }],
		['name', ' Spring Campaign ', { DiallerCampaignsName: 'Spring Campaign' }],
	])('import: the campaign locator in mode %s sends %j', async (mode, value, campaign) => {
		const api = fakeApi(SERVER);
		api.scope
			.post(`${BASE_PATH}/dialler/contacts/import`)
			.query(true)
			.reply(200, one(contact(70001)));

		const { error } = await run({
			operation: 'import',
			campaignId: locator(mode, value),
			name: 'Mustermann',
			phoneNumber1: '+4989123456',
		});

		expect(error).toBeUndefined();
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			path: `${BASE_PATH}/dialler/contacts/import`,
		});
		expect(api.requests[0].body).toEqual({
			...campaign,
			Name: 'Mustermann',
			PhoneNumber1: '+4989123456',
		});
	});

	test('import by name with an empty name is refused before sending', async () => {
		const api = fakeApi(SERVER);
		const { error } = await run({
			operation: 'import',
			campaignId: locator('name', '={{ "" }}'),
			name: 'M',
			phoneNumber1: '+49',
		});
		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe('"Campaign" is empty');
	});

	test('get: the contact locator value goes into the path; Simplify (default) keeps the listed fields', async () => {
		const api = fakeApi(SERVER);
		api.scope.get(`${BASE_PATH}/dialler/contacts/70001`).reply(200, one(contact(70001)));

		const { output } = await run({ operation: 'get', contactId: locator('list', '70001') });

		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${BASE_PATH}/dialler/contacts/70001`,
		]);
		expect(output).toEqual([{ json: simple(70001), pairedItem: { item: 0 } }]);
	});

	test('get many with Simplify off returns the full records', async () => {
		const api = fakeApi(SERVER);
		api.scope
			.get(`${BASE_PATH}/dialler/contacts`)
			.query(true)
			.reply(200, list([contact(1), contact(2)]));

		const { output } = await run({ operation: 'getAll', returnAll: true, simplify: false });

		expect(output.map((item) => item.json)).toEqual([contact(1), contact(2)]);
	});

	test('delete by ID: the contact locator value goes into the path', async () => {
		const api = fakeApi(SERVER);
		api.scope.delete(`${BASE_PATH}/dialler/contacts/contact/70001`).reply(200, {});

		const { output } = await run({
			operation: 'delete',
			deleteBy: 'id',
			contactId: locator('id', '70001'),
		});

		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`DELETE ${BASE_PATH}/dialler/contacts/contact/70001`,
		]);
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});

	test('contact list: every contact named by name, number and user data, filtered here', async () => {
		const api = fakeApi(SERVER);
		api.scope
			.get(`${BASE_PATH}/dialler/contacts`)
			.reply(200, list([contact(1), contact(2, { Name: 'Schmidt', UserData: 'crm-x' })]));

		const result = await runListSearch({
			type: 'jtel',
			typeVersion: 2,
			method: 'searchDiallerContacts',
			credentials,
			filter: 'schmidt',
		});

		expect(result).toEqual({
			results: [{ name: 'Schmidt, Max · +4989123456 · crm-x', value: '2' }],
		});
	});
});
