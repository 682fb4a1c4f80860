import { runLoadOptions } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { HOST, PREFIX, hmacCredentials, verifyHmac } from './fixtures';

afterEach(resetHttp);

const load = (method: string) =>
	runLoadOptions({ type: 'ticketmatic', method, credentials: hmacCredentials });

/** Settings lists as tm-go's types describe them: `{ data: [{ id, name, isarchived, … }], nbrofresults }`. */
const settings = (records: Record<string, unknown>[]) => ({
	data: records,
	nbrofresults: records.length,
});

/** An account with one active and one archived contact custom field. */
function customFieldsAccount() {
	const api = fakeApi(HOST);
	api.scope
		.get(`${PREFIX}/settings/system/customfields`)
		.query(true)
		.reply(
			200,
			settings([
				{ id: 1, key: 'membership', caption: 'Membership', description: 'Member level' },
				{ id: 2, key: 'old', caption: 'Old', isarchived: true },
			]),
		);
	return api;
}

describe('Ticketmatic account pickers (loaded from the account, signed, archived left out, sorted by name)', () => {
	test.each([
		['getRelationTypes', 'relationtypes'],
		['getAddressTypes', 'contactaddresstypes'],
		['getPhoneNumberTypes', 'phonenumbertypes'],
		['getContactTitles', 'contacttitles'],
		['getOptIns', 'optins'],
	])('%s lists GET /settings/system/%s', async (method, list) => {
		const api = fakeApi(HOST);
		api.scope.get(`${PREFIX}/settings/system/${list}`).reply(
			200,
			settings([
				{ id: 7, name: 'Work' },
				{ id: 3, name: 'Home' },
				{ id: 9, name: 'Gone', isarchived: true },
			]),
		);

		const options = await load(method);

		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'GET',
			path: `${PREFIX}/settings/system/${list}`,
		});
		expect(verifyHmac(api.requests[0].headers.authorization).ok).toBe(true);
		expect(options).toEqual([
			{ name: 'Home', value: 3 },
			{ name: 'Work', value: 7 },
		]);
	});

	test('getCustomFields lists the contact custom fields (typeid 13002): caption shown, key stored', async () => {
		const api = customFieldsAccount();

		const options = await load('getCustomFields');

		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'GET',
			path: `${PREFIX}/settings/system/customfields`,
			query: { typeid: '13002' },
		});
		expect(options).toEqual([
			{ name: 'Membership', value: 'membership', description: 'Member level' },
		]);
	});

	test('getBatchUpdateFields (Update Many): customer title, language code and the custom fields as c_<key>', async () => {
		const api = customFieldsAccount();

		const options = await load('getBatchUpdateFields');

		expect(api.requests.map((r) => [r.path, r.query])).toEqual([
			[`${PREFIX}/settings/system/customfields`, { typeid: '13002' }],
		]);
		expect(options).toEqual([
			{ name: 'Customer Title', value: 'customertitleid', description: 'customertitleid' },
			{ name: 'Language Code', value: 'languagecode', description: 'languagecode' },
			{ name: 'Membership', value: 'c_membership', description: 'Member level' },
		]);
	});

	test('a refused key is an error that names the credential', async () => {
		const api = fakeApi(HOST);
		api.scope
			.get(`${PREFIX}/settings/system/contacttitles`)
			.reply(401, { code: 401, message: 'Unauthorized' });
		await expect(load('getContactTitles')).rejects.toThrow('Ticketmatic: Unauthorized');
	});
});
