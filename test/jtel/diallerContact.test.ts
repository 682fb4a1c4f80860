import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASE_PATH, SERVER, TOKEN, contact, credentials, list, one } from './fixtures';

afterEach(resetHttp);

const run = (parameters: Record<string, unknown>, items?: IDataObject[], continueOnFail = false) =>
	runNode({
		type: 'jtel',
		parameters: { resource: 'diallerContact', ...parameters },
		credentials,
		items,
		continueOnFail,
	});

const byId = (value: string) => ({
	campaignBy: 'id',
	campaignId: { __rl: true, mode: 'list', value },
});

describe('jtel dialler contact: import', () => {
	test('by campaign ID, without overwrite: one contact with every additional field, the record as output', async () => {
		const api = fakeApi(SERVER);
		const record = contact(70001);
		api.scope.post(`${BASE_PATH}/dialler/contacts/import`).query(true).reply(200, one(record));

		const { output, error } = await run({
			operation: 'import',
			...byId('538'),
			name: 'Mustermann',
			phoneNumber1: '+4989123456',
			overwriteDuplicates: false,
			additionalFields: {
				randomSortOrder: 3,
				userData: 'crm-1',
				client: 'Client',
				service: 'Service',
				referenceNumber: 'R-1',
				firstName: 'Max',
				salutation: 'Herr',
				title: 'Dr.',
				company: 'Musterfirma GmbH',
				address: 'Hauptstr. 1',
				postalCode: '80331',
				city: 'München',
				country: 'DE',
				accountOwner: 'Max Mustermann',
				accountBank: 'Bank',
				accountNationalBankCode: '70000000',
				accountBic: 'BANKDEFFXXX',
				accountNumber: '123',
				accountIban: 'DE00700000000000000123',
				amount: 12.5,
				phoneNumber2: '+49892',
				phoneNumber3: '+49893',
				phoneNumber4: '+49894',
				phoneNumber5: '+49895',
				phoneNumber6: '+49896',
				faxNumber: '+49899',
				email: 'max@example.com',
				website: 'https://example.com',
				comment: 'Called twice',
				reservedUsersUid: 'agent1',
				followUpUsersUid: 'agent2',
				followUpDateTime: '2026-12-01T10:00:00',
				dtBeginDate: '2026-12-01T00:00:00',
				dtEndDate: '2027-03-01T00:00:00',
				manufacturer: 'ACME',
				model: 'X1',
				tag: 'vip',
				externalSystemLink: 'https://crm.example.com/1',
			},
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${BASE_PATH}/dialler/contacts/import`);
		expect(request.query).toEqual({ overwriteDuplicates: 'false' });
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(request.body).toEqual({
			DiallerCampaignsID: 538,
			Name: 'Mustermann',
			PhoneNumber1: '+4989123456',
			RandomSortOrder: 3,
			UserData: 'crm-1',
			Client: 'Client',
			Service: 'Service',
			ReferenceNumber: 'R-1',
			FirstName: 'Max',
			Salutation: 'Herr',
			Title: 'Dr.',
			Company: 'Musterfirma GmbH',
			Address: 'Hauptstr. 1',
			PostalCode: '80331',
			City: 'München',
			Country: 'DE',
			AccountOwner: 'Max Mustermann',
			AccountBank: 'Bank',
			AccountNationalBankCode: '70000000',
			AccountBIC: 'BANKDEFFXXX',
			AccountNumber: '123',
			AccountIBAN: 'DE00700000000000000123',
			Amount: 12.5,
			PhoneNumber2: '+49892',
			PhoneNumber3: '+49893',
			PhoneNumber4: '+49894',
			PhoneNumber5: '+49895',
			PhoneNumber6: '+49896',
			FaxNumber: '+49899',
			Email: 'max@example.com',
			Website: 'https://example.com',
			Comment: 'Called twice',
			ReservedUsersUID: 'agent1',
			FollowUpUsersUID: 'agent2',
			FollowUpDateTime: '2026-12-01T10:00:00',
			dtBeginDate: '2026-12-01T00:00:00',
			dtEndDate: '2027-03-01T00:00:00',
			Manufacturer: 'ACME',
			Model: 'X1',
			Tag: 'vip',
			ExternalSystemLink: 'https://crm.example.com/1',
		});
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);
	});

	test('by campaign name, with overwrite (update by user data)', async () => {
		const api = fakeApi(SERVER);
		const record = contact(70002, { UserData: 'crm-2' });
		api.scope.post(`${BASE_PATH}/dialler/contacts/import`).query(true).reply(200, one(record));

		const { output, error } = await run({
			operation: 'import',
			campaignBy: 'name',
			campaignName: 'My Campaign',
			name: 'Mustermann',
			phoneNumber1: '+4989123456',
			overwriteDuplicates: true,
			additionalFields: { userData: 'crm-2' },
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].query).toEqual({ overwriteDuplicates: 'true' });
		expect(api.requests[0].body).toEqual({
			DiallerCampaignsName: 'My Campaign',
			Name: 'Mustermann',
			PhoneNumber1: '+4989123456',
			UserData: 'crm-2',
		});
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);
	});

	test('by campaign name without overwrite, and by ID with overwrite', async () => {
		const api = fakeApi(SERVER);
		api.scope
			.post(`${BASE_PATH}/dialler/contacts/import`)
			.query(true)
			.times(2)
			.reply(200, one(contact(70003)));

		await run({
			operation: 'import',
			campaignBy: 'name',
			campaignName: 'My Campaign',
			name: 'A',
			phoneNumber1: '1',
			overwriteDuplicates: false,
		});
		await run({
			operation: 'import',
			...byId(' 538 '),
			name: 'B',
			phoneNumber1: '2',
			overwriteDuplicates: true,
		});

		expect(api.requests.map((r) => [r.query, r.body])).toEqual([
			[
				{ overwriteDuplicates: 'false' },
				{ DiallerCampaignsName: 'My Campaign', Name: 'A', PhoneNumber1: '1' },
			],
			[{ overwriteDuplicates: 'true' }, { DiallerCampaignsID: 538, Name: 'B', PhoneNumber1: '2' }],
		]);
	});

	test('one request per input item (jtel takes one contact), each record paired to its item', async () => {
		const api = fakeApi(SERVER);
		let next = 80000;
		api.scope
			.post(`${BASE_PATH}/dialler/contacts/import`)
			.query(true)
			.times(3)
			.reply(200, (_uri, body) => one(contact(next++, { Name: (body as { Name: string }).Name })));

		const { output, error } = await run(
			{
				operation: 'import',
				...byId('538'),
				name: '={{ $json.name }}',
				phoneNumber1: '={{ $json.phone }}',
				overwriteDuplicates: false,
			},
			[
				{ name: 'Ada', phone: '+491' },
				{ name: 'Bea', phone: '+492' },
				{ name: 'Cem', phone: '+493' },
			],
		);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(3);
		expect(
			api.requests
				.map((r) => r.body)
				.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
		).toEqual([
			{ DiallerCampaignsID: 538, Name: 'Ada', PhoneNumber1: '+491' },
			{ DiallerCampaignsID: 538, Name: 'Bea', PhoneNumber1: '+492' },
			{ DiallerCampaignsID: 538, Name: 'Cem', PhoneNumber1: '+493' },
		]);
		expect(output.map((item) => [item.json.Name, item.pairedItem])).toEqual([
			['Ada', { item: 0 }],
			['Bea', { item: 1 }],
			['Cem', { item: 2 }],
		]);
	});

	test('a phone number in Phone Number 2–6 alone is enough', async () => {
		const api = fakeApi(SERVER);
		api.scope
			.post(`${BASE_PATH}/dialler/contacts/import`)
			.query(true)
			.reply(200, one(contact(70004)));

		const { error } = await run({
			operation: 'import',
			...byId('538'),
			name: 'A',
			phoneNumber1: '',
			additionalFields: { phoneNumber5: '+495' },
		});

		expect(error).toBeUndefined();
		expect(api.requests[0].body).toEqual({
			DiallerCampaignsID: 538,
			Name: 'A',
			PhoneNumber1: '',
			PhoneNumber5: '+495',
		});
	});

	test.each([
		['no name', { name: '  ', phoneNumber1: '+491' }, '"Name" is empty'],
		[
			'no phone number at all',
			{ name: 'A', phoneNumber1: '', additionalFields: { phoneNumber2: ' ', email: 'a@b.de' } },
			'"Phone Number 1" is empty and no other phone number is set',
		],
		[
			'a campaign ID that is not a number',
			{ name: 'A', phoneNumber1: '1', ...byId('12/../3') },
			'"Campaign" must be a number made of digits only',
		],
		[
			'an empty campaign name',
			{ name: 'A', phoneNumber1: '1', campaignBy: 'name', campaignName: ' ' },
			'"Campaign Name" is empty',
		],
	])('refused before any request: %s', async (_case, parameters, message) => {
		const api = fakeApi(SERVER);
		api.scope
			.post(`${BASE_PATH}/dialler/contacts/import`)
			.query(true)
			.reply(200, one(contact(1)));

		const { error, output } = await run({ operation: 'import', ...byId('538'), ...parameters });

		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe(message);
		expect(output).toEqual([]);
	});

	test('continue on fail: the refused item becomes its own error item, the others are imported', async () => {
		const api = fakeApi(SERVER);
		api.scope
			.post(`${BASE_PATH}/dialler/contacts/import`)
			.query(true)
			.times(2)
			.reply(200, (_uri, body) => one(contact(1, body as Record<string, unknown>)));

		const { output, error } = await run(
			{ operation: 'import', ...byId('538'), name: '={{ $json.name }}', phoneNumber1: '+491' },
			[{ name: 'Ada' }, { name: '' }, { name: 'Cem' }],
			true,
		);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(2);
		expect(output.map((item) => [item.json.Name ?? item.json.error, item.pairedItem])).toEqual([
			['Ada', { item: 0 }],
			['"Name" is empty', { item: 1 }],
			['Cem', { item: 2 }],
		]);
	});

	test("a 404 shows jtel's own message", async () => {
		const api = fakeApi(SERVER);
		api.scope
			.post(`${BASE_PATH}/dialler/contacts/import`)
			.query(true)
			.reply(404, { status: 404, error: 'Dialler campaign not found' });

		const { error } = await run({
			operation: 'import',
			...byId('999'),
			name: 'A',
			phoneNumber1: '1',
		});

		expect(api.requests).toHaveLength(1);
		expect(error?.message).toBe('jtel: Dialler campaign not found');
		expect(error?.description).toContain('HTTP 404');
	});
});

describe('jtel dialler contact: get, get many, get by user data, delete', () => {
	test('get: GET /dialler/contacts/{id}, the record unwrapped', async () => {
		const api = fakeApi(SERVER);
		const record = contact(70001);
		api.scope.get(`${BASE_PATH}/dialler/contacts/70001`).reply(200, one(record));

		const { output, error } = await run({ operation: 'get', contactId: '70001' });

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'GET',
			path: `${BASE_PATH}/dialler/contacts/70001`,
		});
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);
	});

	test("get: a 404 shows jtel's { status, error } message", async () => {
		const api = fakeApi(SERVER);
		api.scope
			.get(`${BASE_PATH}/dialler/contacts/5`)
			.reply(404, { status: 404, error: 'Dialler contact not found' });

		const { error, output } = await run({ operation: 'get', contactId: '5' });

		expect(error?.message).toBe('jtel: Dialler contact not found');
		expect(output).toEqual([]);
	});

	test('get many with Limit 5 over 40 records: one request, 5 items, filtered by campaign', async () => {
		const api = fakeApi(SERVER);
		const records = Array.from({ length: 40 }, (_, i) => contact(1000 + i));
		api.scope.get(`${BASE_PATH}/dialler/contacts`).query(true).reply(200, list(records));

		const { output, error } = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { campaignId: { __rl: true, mode: 'id', value: '538' } },
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'GET',
			path: `${BASE_PATH}/dialler/contacts`,
			query: { diallerCampaignsID: '538' },
		});
		expect(output).toEqual(records.slice(0, 5).map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('get many, Return All, no filter: every contact of the account, no query', async () => {
		const api = fakeApi(SERVER);
		const records = Array.from({ length: 40 }, (_, i) => contact(2000 + i));
		api.scope.get(`${BASE_PATH}/dialler/contacts`).query(true).reply(200, list(records));

		const { output, error } = await run({ operation: 'getAll', returnAll: true });

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].query).toEqual({});
		expect(output).toHaveLength(40);
		expect(output[39]).toEqual({ json: records[39], pairedItem: { item: 0 } });
	});

	test('get by user data: POST /dialler/contacts with UserDataList, one item per record', async () => {
		const api = fakeApi(SERVER);
		const records = [
			contact(1, { UserData: 'crm-a', ResultCodesExportKey: 'OK' }),
			contact(2, { UserData: 'crm-b', ResultCodesExportKey: null }),
		];
		api.scope.post(`${BASE_PATH}/dialler/contacts`).reply(200, list(records));

		const { output, error } = await run(
			{ operation: 'getByUserData', userData: [' crm-a ', '={{ $json.keys }}'] },
			[{ keys: ['crm-b', 'crm-c'] }],
		);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			path: `${BASE_PATH}/dialler/contacts`,
		});
		expect(api.requests[0].body).toEqual({ UserDataList: ['crm-a', 'crm-b', 'crm-c'] });
		expect(output).toEqual(records.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('get by user data: an empty value is refused before any request', async () => {
		const api = fakeApi(SERVER);
		api.scope.post(`${BASE_PATH}/dialler/contacts`).reply(200, list([]));

		// A literal empty value stops the workflow in n8n itself; one mapped from an item is the real case.
		const { error } = await run(
			{ operation: 'getByUserData', userData: ['crm-a', '={{ $json.key }}'] },
			[{ key: ' ' }],
		);

		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe('"User Data" value 2 is empty');
	});

	test('get by user data and contact IDs: { UserDataList, IDList } (IDs as numbers, from a list or comma-separated text)', async () => {
		const api = fakeApi(SERVER);
		const records = [contact(215387), contact(215388), contact(70001)];
		api.scope.post(`${BASE_PATH}/dialler/contacts`).times(2).reply(200, list(records));

		const { output, error } = await run(
			{
				operation: 'getByUserData',
				userData: ['={{ $json.key }}'],
				contactIds: '={{ $json.ids }}',
			},
			[
				{ key: 'crm-70001', ids: ' 215387, 215388 ' },
				{ key: 'crm-1', ids: [215387, '215388'] },
			],
		);

		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'POST',
				`${BASE_PATH}/dialler/contacts`,
				{ UserDataList: ['crm-70001'], IDList: [215387, 215388] },
			],
			[
				'POST',
				`${BASE_PATH}/dialler/contacts`,
				{ UserDataList: ['crm-1'], IDList: [215387, 215388] },
			],
		]);
		expect(output).toHaveLength(6);
		expect(output.slice(0, 3)).toEqual(records.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('get by contact IDs alone: only { IDList } is sent', async () => {
		const api = fakeApi(SERVER);
		api.scope.post(`${BASE_PATH}/dialler/contacts`).reply(200, list([contact(215387)]));

		const { output, error } = await run({ operation: 'getByUserData', contactIds: '215387' });

		expect(error).toBeUndefined();
		expect(api.requests.map((r) => r.body)).toEqual([{ IDList: [215387] }]);
		expect(output).toEqual([{ json: contact(215387), pairedItem: { item: 0 } }]);
	});

	test('get by contact IDs: an ID that is not digits, or nothing to look for, is refused before sending', async () => {
		const api = fakeApi(SERVER);
		api.scope.post(/.*/).reply(200, list([]));

		const { output } = await run(
			{ operation: 'getByUserData', userData: '={{ $json.keys }}', contactIds: '={{ $json.ids }}' },
			[
				{ keys: [], ids: '215387, 2153/88' },
				{ keys: [], ids: '' },
			],
			true,
		);

		expect(api.requests).toHaveLength(0);
		expect(output.map((i) => [i.json.error, i.pairedItem])).toEqual([
			['"Contact IDs" must be a number made of digits only', { item: 0 }],
			['"User Data" and "Contact IDs" are both empty', { item: 1 }],
		]);
		expect(output[0].error?.description).toMatch(/^Not sent: nothing went to jtel/);
	});

	test('delete by contact ID: DELETE /dialler/contacts/contact/{id} → { deleted: true }', async () => {
		const api = fakeApi(SERVER);
		api.scope.delete(`${BASE_PATH}/dialler/contacts/contact/70001`).reply(200, { status: 200 });

		const { output, error } = await run({
			operation: 'delete',
			deleteBy: 'id',
			contactId: '70001',
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `${BASE_PATH}/dialler/contacts/contact/70001`,
			query: {},
		});
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});

	test('delete by contact ID: an ID with a slash is refused before sending (jtel IDs are integers)', async () => {
		const api = fakeApi(SERVER);
		api.scope.delete(/.*/).reply(200, {});

		const { error } = await run({ operation: 'delete', deleteBy: 'id', contactId: '1/../2' });

		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe('"Contact ID" must be a number made of digits only');
	});

	test('delete by user data: DELETE /dialler/contacts/contact?userData=…', async () => {
		const api = fakeApi(SERVER);
		api.scope
			.delete(`${BASE_PATH}/dialler/contacts/contact`)
			.query(true)
			.reply(200, { status: 200 });

		const { output, error } = await run({
			operation: 'delete',
			deleteBy: 'userData',
			userData: 'crm 4711&x',
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `${BASE_PATH}/dialler/contacts/contact`,
			query: { userData: 'crm 4711&x' },
		});
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});

	test('delete by user data: an empty value is refused before any request (it would delete a contact without user data)', async () => {
		const api = fakeApi(SERVER);
		api.scope
			.delete(`${BASE_PATH}/dialler/contacts/contact`)
			.query(true)
			.reply(200, { status: 200 });

		const { error } = await run({ operation: 'delete', deleteBy: 'userData', userData: ' ' });

		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe('"User Data" is empty');
	});
});
