import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { HOST, PREFIX, contact, hmacCredentials, verifyHmac } from './fixtures';

afterEach(resetHttp);

const run = (typeVersion: number, additionalFields: IDataObject, continueOnFail = false) =>
	runNode({
		type: 'ticketmatic',
		typeVersion,
		parameters: {
			resource: 'contact',
			operation: 'create',
			email: 'john@example.com',
			additionalFields,
		},
		credentials: hmacCredentials,
		continueOnFail,
	});

describe("Ticketmatic address and phone number types are the account's (no silent type 1)", () => {
	test('version 2: address types and phone types as picked, all address fields (street2 = number, street3, state) sent', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts`).reply(200, contact(10001));
		const { output, error } = await run(2, {
			addresses: {
				address: [
					{
						typeId: '4',
						street1: 'Kerkstraat',
						street2: '12',
						street3: 'bus 3',
						zip: '3000',
						city: 'Leuven',
						state: 'Vlaams-Brabant',
						countryCode: 'BE',
					},
				],
			},
			phoneNumbers: { phoneNumber: [{ typeId: 9, number: '+3216881940' }] },
			customerTitleId: '5',
			optIns: { optIn: [{ optInId: '2', status: 7603 }] },
			customFields: { field: [{ key: 'membership', value: 'gold' }] },
		});
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'POST', path: `${PREFIX}/contacts` });
		expect(verifyHmac(api.requests[0].headers.authorization).ok).toBe(true);
		expect(api.requests[0].body).toEqual({
			email: 'john@example.com',
			addresses: [
				{
					typeid: 4,
					street1: 'Kerkstraat',
					street2: '12',
					street3: 'bus 3',
					zip: '3000',
					city: 'Leuven',
					state: 'Vlaams-Brabant',
					countrycode: 'BE',
				},
			],
			phonenumbers: [{ typeid: 9, number: '+3216881940' }],
			customertitleid: 5,
			optins: [{ optinid: 2, status: 7603, info: {} }],
			c_membership: 'gold',
		});
		expect(output).toEqual([{ json: contact(10001), pairedItem: { item: 0 } }]);
	});

	test.each([
		[
			'an address',
			{ addresses: { address: [{ street1: 'Kerkstraat', city: 'Leuven' }] } },
			'"Addresses → Type" is empty',
		],
		[
			'a phone number',
			{ phoneNumbers: { phoneNumber: [{ number: '+3216881940' }] } },
			'"Phone Numbers → Type" is empty',
		],
		['an opt-in', { optIns: { optIn: [{ status: 7602 }] } }, '"Opt-Ins → Opt-In" is empty'],
	])(
		'version 2: %s without a type is refused before sending, naming the field',
		async (_what, fields, message) => {
			const api = fakeApi(HOST);
			api.scope.post(`${PREFIX}/contacts`).optionally().reply(200, contact(1));
			const { output } = await run(2, fields, true);
			expect(api.requests).toHaveLength(0);
			expect(output).toHaveLength(1);
			expect(output[0].json.error).toBe(message);
			expect(output[0].pairedItem).toEqual({ item: 0 });
		},
	);

	test('version 1 workflows run unchanged: an address or phone number saved without a type is still sent as type 1, an opt-in without an id as 0', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${PREFIX}/contacts`).reply(200, contact(10001));
		const { error } = await run(1, {
			addresses: { address: [{ street1: 'Main street', city: 'Leuven' }] },
			phoneNumbers: { phoneNumber: [{ number: '+3216881940' }] },
			optIns: { optIn: [{ status: 7602 }] },
		});
		expect(error).toBeUndefined();
		expect(api.requests[0].body).toEqual({
			email: 'john@example.com',
			addresses: [{ typeid: 1, street1: 'Main street', city: 'Leuven' }],
			phonenumbers: [{ typeid: 1, number: '+3216881940' }],
			optins: [{ optinid: 0, status: 7602, info: {} }],
		});
	});
});
