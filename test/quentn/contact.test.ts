import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API, API_KEY, HOST, credentials } from './fixtures';
import type { SeenRequest } from '../harness/http';

afterEach(resetHttp);

const run = (
	parameters: Record<string, unknown>,
	extra: { items?: IDataObject[]; continueOnFail?: boolean; onError?: 'continueErrorOutput' } = {},
) =>
	runNode({
		type: 'quentn',
		parameters: { resource: 'contact', ...parameters },
		credentials,
		...extra,
	});

const additionalFields = {
	firstName: 'John',
	familyName: 'Doe',
	phone2Type: 'work',
	baStreet2: 'Hinterhaus',
	baPostalCode: '10115',
	dateOfBirth: '2004-02-12T15:19:21+00:00',
	terms: [12, 13],
	comment: 'From the web form',
	customFields: { field: [{ name: 'shoe_size', value: '44' }] },
};
const contactSent = {
	mail: 'johndoe@example.com',
	first_name: 'John',
	family_name: 'Doe',
	phone2_type: 'work',
	ba_street2: 'Hinterhaus',
	ba_postal_code: '10115',
	date_of_birth: '2004-02-12T15:19:21+00:00',
	terms: [12, 13],
	comment: 'From the web form',
	shoe_size: '44',
};
const options = {
	duplicateCheckMethod: 'email',
	duplicateMergeMethod: 'update_add',
	returnFields: 'mail_status, mail,first_name',
	requestIp: '123.123.123.123',
	floodLimit: 5,
	spamProtection: true,
};
const optionsSent = {
	duplicate_check_method: 'email',
	duplicate_merge_method: 'update_add',
	return_fields: ['mail_status', 'mail', 'first_name'],
	request_ip: '123.123.123.123',
	flood_limit: 5,
	spam_protection: true,
};

describe('Quentn contact', () => {
	test('create sends { contact, options } with Quentn field names and outputs the id', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${API}/contact`).reply(200, { id: 123 });

		const { output, error } = await run({
			operation: 'create',
			email: 'johndoe@example.com',
			additionalFields,
			options,
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${API}/contact`);
		expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(request.body).toEqual({ contact: contactSent, ...optionsSent });
		expect(output).toEqual([{ json: { id: 123 }, pairedItem: { item: 0 } }]);
	});

	test("create refuses an invalid email before sending; under continue on fail it is the item's error", async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${API}/contact`).reply(200, { id: 1 });
		const { output } = await run(
			{ operation: 'create', email: '={{ $json.mail }}' },
			{ items: [{ mail: 'not-an-address' }, { mail: 'ok@example.com' }], continueOnFail: true },
		);
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].body).toEqual({ contact: { mail: 'ok@example.com' } });
		expect(output).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({ error: '"Email" is not a valid e-mail address' }),
				pairedItem: { item: 0 },
			}),
			{ json: { id: 1 }, pairedItem: { item: 1 } },
		]);
	});

	test('a Quentn error body becomes the error message', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${API}/contact/404`).reply(404, { error: true, message: 'Contact not found' });
		const { error } = await run({ operation: 'get', contactId: '404' });
		expect(error?.message).toBe('Quentn: Contact not found');
		expect(error?.description).toContain('HTTP 404');
	});

	test('get sends the chosen fields and outputs the contact', async () => {
		const api = fakeApi(HOST);
		const record = {
			id: 123,
			first_name: 'John',
			family_name: 'Doe',
			mail: 'johndoe@example.com',
			terms: [1, 2, 3],
		};
		api.scope.get(`${API}/contact/123`).query(true).reply(200, record);

		const { output, error } = await run({
			operation: 'get',
			contactId: ' 123 ',
			options: { fields: 'first_name, family_name,mail,terms' },
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'GET',
			path: `${API}/contact/123`,
			query: { fields: 'first_name,family_name,mail,terms' },
		});
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);
	});

	describe('getByEmail', () => {
		const lookup = (matches: unknown[], extra: Record<string, unknown> = {}) => {
			const api = fakeApi(HOST);
			api.scope.get(`${API}/contact/john%40example.com`).query(true).reply(200, matches);
			return { api, result: run({ operation: 'getByEmail', email: 'john@example.com', ...extra }) };
		};

		test('no match: no item and no error', async () => {
			const { api, result } = lookup([]);
			const { output, error } = await result;
			expect(error).toBeUndefined();
			expect(output).toEqual([]);
			expect(api.requests).toHaveLength(1);
			expect(api.requests[0]).toMatchObject({
				method: 'GET',
				path: `${API}/contact/john%40example.com`,
			});
		});

		test('no match with "Error If Not Found": the item fails', async () => {
			const { result } = lookup([], { options: { errorIfNotFound: true } });
			const { error } = await result;
			expect(error?.message).toBe('No Quentn contact has the email address "john@example.com"');
		});

		test('HTTP 404 (no contact has the address, as Quentn answers it): no item and no error', async () => {
			const api = fakeApi(HOST);
			api.scope
				.get(`${API}/contact/john%40example.com`)
				.reply(404, { error: true, message: 'Contact not found' });
			const { output, error } = await run({ operation: 'getByEmail', email: 'john@example.com' });
			expect(error).toBeUndefined();
			expect(output).toEqual([]);
			expect(api.requests).toHaveLength(1);
			expect(api.requests[0]).toMatchObject({
				method: 'GET',
				path: `${API}/contact/john%40example.com`,
			});
			expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		});

		test('HTTP 404 with "Error If Not Found": only that item fails (continue on fail), the others go on', async () => {
			const api = fakeApi(HOST);
			api.scope
				.get(`${API}/contact/a%40example.com`)
				.reply(404, { error: true, message: 'Contact not found' });
			api.scope
				.get(`${API}/contact/b%40example.com`)
				.reply(200, [{ id: 2, mail: 'b@example.com' }]);
			const { output } = await run(
				{ operation: 'getByEmail', email: '={{ $json.mail }}', options: { errorIfNotFound: true } },
				{ items: [{ mail: 'a@example.com' }, { mail: 'b@example.com' }], continueOnFail: true },
			);
			expect(api.requests).toHaveLength(2);
			expect(output).toEqual([
				expect.objectContaining({
					json: { error: 'No Quentn contact has the email address "a@example.com"' },
					pairedItem: { item: 0 },
				}),
				{ json: { id: 2, mail: 'b@example.com' }, pairedItem: { item: 1 } },
			]);
		});

		test('other errors stay errors (a 401 is not "not found")', async () => {
			const api = fakeApi(HOST);
			api.scope
				.get(`${API}/contact/john%40example.com`)
				.reply(401, { error: true, message: 'Invalid API key' });
			const { error } = await run({ operation: 'getByEmail', email: 'john@example.com' });
			expect(error?.message).toBe('Quentn: Invalid API key');
		});

		test('one match: one item', async () => {
			const { result } = lookup([{ id: 123, mail: 'john@example.com' }]);
			const { output } = await result;
			expect(output).toEqual([
				{ json: { id: 123, mail: 'john@example.com' }, pairedItem: { item: 0 } },
			]);
		});

		test('two matches: two items, both paired to their input item; fields are sent', async () => {
			const { api, result } = lookup(
				[
					{ id: 123, mail: 'john@example.com' },
					{ id: 124, mail: 'john@example.com' },
				],
				{
					options: { fields: 'mail' },
				},
			);
			const { output } = await result;
			expect(api.requests[0].query).toEqual({ fields: 'mail' });
			expect(output).toEqual([
				{ json: { id: 123, mail: 'john@example.com' }, pairedItem: { item: 0 } },
				{ json: { id: 124, mail: 'john@example.com' }, pairedItem: { item: 0 } },
			]);
		});

		test('several input items: 0, 2 and 1 matches stay paired to their own item', async () => {
			const api = fakeApi(HOST);
			api.scope.get(`${API}/contact/a%40example.com`).reply(200, []);
			api.scope.get(`${API}/contact/b%40example.com`).reply(200, [{ id: 1 }, { id: 2 }]);
			api.scope.get(`${API}/contact/c%40example.com`).reply(200, [{ id: 3 }]);
			const { output } = await run(
				{ operation: 'getByEmail', email: '={{ $json.mail }}' },
				{
					items: [{ mail: 'a@example.com' }, { mail: 'b@example.com' }, { mail: 'c@example.com' }],
				},
			);
			expect(api.requests).toHaveLength(3);
			expect(output).toEqual([
				{ json: { id: 1 }, pairedItem: { item: 1 } },
				{ json: { id: 2 }, pairedItem: { item: 1 } },
				{ json: { id: 3 }, pairedItem: { item: 2 } },
			]);
		});
	});

	test('update sends the changed fields at the top level with return_fields', async () => {
		const api = fakeApi(HOST);
		api.scope.put(`${API}/contact/123`).reply(200, { success: 'true' });

		const { output, error } = await run({
			operation: 'update',
			contactId: '123',
			updateFields: { mail: 'new@example.com', familyName: 'Roe', terms: '4, 5' },
			options: { returnFields: 'mail' },
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'PUT', path: `${API}/contact/123` });
		expect(api.requests[0].body).toEqual({
			mail: 'new@example.com',
			family_name: 'Roe',
			terms: [4, 5],
			return_fields: ['mail'],
		});
		expect(output).toEqual([{ json: { success: 'true' }, pairedItem: { item: 0 } }]);
	});

	test('delete outputs { deleted: true }', async () => {
		const api = fakeApi(HOST);
		api.scope.delete(`${API}/contact/123`).reply(200, { success: 'true' });
		const { output } = await run({ operation: 'delete', contactId: '123' });
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'DELETE', path: `${API}/contact/123` });
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});
});

describe('Quentn contact createMany', () => {
	const FAILING = new Set(['person7@example.com', 'person180@example.com']);
	const people = (count: number) =>
		Array.from({ length: count }, (_, index) => ({
			mail: `person${index}@example.com`,
			first: `P${index}`,
		}));

	/** The fake bulk endpoint: one answer per contact, in order; two addresses are refused. */
	function bulkApi() {
		const api = fakeApi(HOST);
		let nextId = 1000;
		api.scope
			.post(`${API}/contacts`)
			.times(10)
			.reply(200, (_uri, body) =>
				(body as { contacts: Array<{ mail: string }> }).contacts.map((contact) =>
					FAILING.has(contact.mail)
						? { email: contact.mail, error: true, message: 'Invalid email domain' }
						: { id: nextId++, email: contact.mail },
				),
			);
		return api;
	}

	const parameters = {
		operation: 'createMany',
		email: '={{ $json.mail }}',
		additionalFields: { firstName: '={{ $json.first }}' },
		options: { chunkSize: 100, duplicateCheckMethod: 'email' },
	};

	const contactsOf = (request: SeenRequest) =>
		(request.body as { contacts: Array<{ mail: string }> }).contacts;

	test('250 items, 100 per request: 3 requests; with continue on fail 250 paired outputs, the 2 refused ones carry their error', async () => {
		const api = bulkApi();
		const { output, error } = await run(parameters, { items: people(250), continueOnFail: true });

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(3);
		for (const request of api.requests) {
			expect(request).toMatchObject({ method: 'POST', path: `${API}/contacts` });
			expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
			expect((request.body as Record<string, unknown>).duplicate_check_method).toBe('email');
		}
		expect(api.requests.map((request) => contactsOf(request).length).sort()).toEqual([
			100, 100, 50,
		]);
		const sent = api.requests
			.flatMap(contactsOf)
			.map((contact) => contact.mail)
			.sort();
		expect(sent).toEqual(
			people(250)
				.map((person) => person.mail)
				.sort(),
		);
		expect(
			contactsOf(
				api.requests.find((request) => contactsOf(request)[0].mail === 'person0@example.com')!,
			)[0],
		).toEqual({
			mail: 'person0@example.com',
			first_name: 'P0',
		});

		expect(output).toHaveLength(250);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			const mail = `person${index}@example.com`;
			if (FAILING.has(mail)) {
				// n8n keeps only the message of an error item (workflow-execute), so it names the address.
				expect(item.json).toEqual({ error: `Quentn: Invalid email domain (${mail})` });
				expect(item.error?.message).toBe(`Quentn: Invalid email domain (${mail})`);
			} else {
				expect(item.json).toEqual({ id: expect.any(Number), email: mail });
				expect(item.error).toBeUndefined();
			}
		});
	});

	test('with the error output: 248 stored items on the main output, the 2 refused ones on the error output', async () => {
		bulkApi();
		const { output, errorOutput, error } = await run(parameters, {
			items: people(250),
			onError: 'continueErrorOutput',
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(248);
		expect(errorOutput.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 7 }, 'Quentn: Invalid email domain (person7@example.com)'],
			[{ item: 180 }, 'Quentn: Invalid email domain (person180@example.com)'],
		]);
		expect(output.map((item) => item.pairedItem)).toEqual(
			people(250)
				.map((_person, index) => ({ item: index }))
				.filter(({ item }) => item !== 7 && item !== 180),
		);
	});

	test('without continue on fail: everything is sent, then the node fails naming both items and saying the others were stored', async () => {
		const api = bulkApi();
		const { output, error } = await run(parameters, { items: people(250) });
		expect(api.requests).toHaveLength(3);
		expect(output).toEqual([]);
		expect(error?.message).toBe('2 of 250 contacts failed');
		expect(error?.description).toContain(
			'item 7: Quentn: Invalid email domain (person7@example.com); item 180: Quentn: Invalid email domain (person180@example.com)',
		);
		expect(error?.description).toContain('The other 248 contacts were stored');
	});

	test('the default is 100 contacts per request', async () => {
		const api = bulkApi();
		await run({ ...parameters, options: {} }, { items: people(101), continueOnFail: true });
		expect(api.requests.map((request) => contactsOf(request).length).sort()).toEqual([1, 100]);
	});

	test('each contact is built exactly as create builds it; items with other options go in their own request', async () => {
		const api = fakeApi(HOST);
		api.scope
			.post(`${API}/contacts`)
			.times(2)
			.reply(200, (_uri, body) =>
				(body as { contacts: Array<{ mail: string }> }).contacts.map((contact, index) => ({
					id: index + 1,
					email: contact.mail,
				})),
			);
		const { output } = await run(
			{
				operation: 'createMany',
				email: '={{ $json.mail }}',
				additionalFields,
				options: { ...options, floodLimit: '={{ $json.flood }}' },
			},
			{
				items: [
					{ mail: 'johndoe@example.com', flood: 5 },
					{ mail: 'johndoe@example.com', flood: 9 },
					{ mail: 'johndoe@example.com', flood: 5 },
				],
			},
		);
		expect(api.requests).toHaveLength(2);
		const byFlood = Object.fromEntries(
			api.requests.map((request) => [
				(request.body as { flood_limit: number }).flood_limit,
				request.body,
			]),
		);
		expect(byFlood[5]).toEqual({ contacts: [contactSent, contactSent], ...optionsSent });
		expect(byFlood[9]).toEqual({ contacts: [contactSent], ...optionsSent, flood_limit: 9 });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('an item with an invalid email fails alone; the others are sent', async () => {
		const api = bulkApi();
		const { output } = await run(parameters, {
			items: [{ mail: 'ok@example.com' }, { mail: 'broken' }],
			continueOnFail: true,
		});
		expect(api.requests).toHaveLength(1);
		expect(contactsOf(api.requests[0]).map((contact) => contact.mail)).toEqual(['ok@example.com']);
		expect(output[0].json).toEqual({ id: expect.any(Number), email: 'ok@example.com' });
		expect(output[1]).toMatchObject({
			json: { error: '"Email" is not a valid e-mail address' },
			pairedItem: { item: 1 },
		});
	});
});

describe('Quentn requests in flight', () => {
	/** Counts how many requests the fake Quentn is answering at once. */
	function slowApi(
		path: string | RegExp,
		method: 'GET' | 'POST',
		answer: (body: unknown) => unknown,
	) {
		const api = fakeApi(HOST);
		const seen = { now: 0, max: 0 };
		api.scope
			.intercept(path, method)
			.times(100)
			.reply(function (_uri, body, callback) {
				seen.now++;
				seen.max = Math.max(seen.max, seen.now);
				void sleep(15).then(() => {
					seen.now--;
					callback(null, [200, answer(body) as Record<string, unknown>]);
				});
			});
		return { api, seen };
	}

	test('20 items are sent at most 5 at a time', async () => {
		const { api, seen } = slowApi(/\/contact\/\d+$/, 'GET', () => ({ id: 1 }));
		const { output } = await run(
			{ operation: 'get', contactId: '={{ $json.id }}' },
			{ items: Array.from({ length: 20 }, (_, index) => ({ id: index + 1 })) },
		);
		expect(api.requests).toHaveLength(20);
		expect(output).toHaveLength(20);
		expect(seen.max).toBe(5);
	});

	test('createMany: 1,000 items in chunks of 100 = 10 requests, at most 5 at a time', async () => {
		const { api, seen } = slowApi(`${API}/contacts`, 'POST', (body) =>
			(body as { contacts: Array<{ mail: string }> }).contacts.map((contact, index) => ({
				id: index,
				email: contact.mail,
			})),
		);
		const { output } = await run(
			{ operation: 'createMany', email: '={{ $json.mail }}' },
			{ items: Array.from({ length: 1000 }, (_, index) => ({ mail: `p${index}@example.com` })) },
		);
		expect(api.requests).toHaveLength(10);
		expect(output).toHaveLength(1000);
		expect(output[999]).toEqual({
			json: { id: 99, email: 'p999@example.com' },
			pairedItem: { item: 999 },
		});
		expect(seen.max).toBe(5);
	});
});
