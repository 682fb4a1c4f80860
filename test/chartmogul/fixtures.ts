/** ChartMogul records shaped like the result of ChartMogul's "Add a Contact to Customer" (dev.chartmogul.com API reference). */
export const HOST = 'https://api.chartmogul.com';
export const API_KEY = 'cm-dummy-key-0123456789abcdef';
export const credentials = { chartMogulApi: { apiKey: API_KEY } };
/** HTTP Basic: the API key as user name, an empty password. */
export const BASIC = `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`;

export const CUSTOMER = 'cus_3819e09a-50a2-11ee-ada7-9fcf71cd4580';
export const DATA_SOURCE = 'ds_92cc7226-509f-11ee-acf4-639f264f875d';

export function contact(uuid: string, extra: Record<string, unknown> = {}) {
	return {
		uuid,
		customer_uuid: CUSTOMER,
		customer_external_id: 'customer_001',
		data_source_uuid: DATA_SOURCE,
		position: 9,
		first_name: 'Adam',
		last_name: 'Smith',
		title: 'CEO',
		email: 'adam@example.com',
		phone: '+1234567890',
		linked_in: 'https://linkedin.com/example',
		twitter: 'https://twitter.com/example',
		notes: 'Heading\nBody\nFooter',
		custom: { Facebook: 'https://www.facebook.com/example', date_of_birth: '1985-01-22' },
		...extra,
	};
}

export function note(uuid: string, extra: Record<string, unknown> = {}) {
	return {
		uuid,
		customer_uuid: CUSTOMER,
		type: 'note',
		text: 'Renewal call planned',
		author: 'ann@example.com',
		call_duration: 0,
		created_at: '2026-01-10T10:00:00Z',
		updated_at: '2026-01-10T10:00:00Z',
		...extra,
	};
}

/** `count` records made by `make(index)`, numbered from `from`. */
export function many<T>(count: number, make: (index: number) => T, from = 0): T[] {
	return Array.from({ length: count }, (_, i) => make(from + i));
}
