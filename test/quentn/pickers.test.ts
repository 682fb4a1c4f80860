import { runListSearch, runLoadOptions } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API, API_KEY, HOST, credentials } from './fixtures';

afterEach(resetHttp);

describe('Quentn custom field picker (contact Custom Fields → Field Name)', () => {
	test('lists GET /custom-fields: label shown, field name stored and shown under it, sorted by label', async () => {
		const api = fakeApi(HOST);
		// Shape: quentn-php examples/custom-field-examples.php (field_name, label, description, type, required).
		api.scope.get(`${API}/custom-fields`).reply(200, [
			{
				field_name: 'shoe_size',
				label: 'Shoe size',
				description: '',
				type: 'text',
				required: false,
			},
			{
				field_name: 'customer_since',
				label: 'Customer since',
				description: 'First order',
				type: 'date',
				required: false,
			},
		]);

		const options = await runLoadOptions({
			type: 'quentn',
			method: 'getCustomFields',
			credentials,
		});

		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'GET', path: `${API}/custom-fields` });
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(options).toEqual([
			{ name: 'Customer since', value: 'customer_since', description: 'customer_since' },
			{ name: 'Shoe size', value: 'shoe_size', description: 'shoe_size' },
		]);
	});
});

describe('Quentn custom field locator (customField Get / Update / Delete → From List)', () => {
	test('searchCustomFields lists GET /custom-fields, filtered by the typed text; the field name is the value', async () => {
		const api = fakeApi(HOST);
		api.scope.get(`${API}/custom-fields`).reply(200, [
			{ field_id: 1, field_name: 'field_shoe_size', label: 'Shoe size' },
			{ field_id: 2, field_name: 'field_customer_since', label: 'Customer since' },
		]);

		const result = await runListSearch({
			type: 'quentn',
			method: 'searchCustomFields',
			credentials,
			filter: 'shoe',
		});

		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${API}/custom-fields`]);
		expect(result).toEqual({
			results: [{ name: 'Shoe size', value: 'field_shoe_size', description: 'field_shoe_size' }],
		});
	});
});
