import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API_KEY, BASE, credentials, customer, flat } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject, items?: IDataObject[]) =>
	runNode({ type: 'ticketSource', parameters: { resource: 'customer', ...parameters }, credentials, items });

describe('TicketSource customer', () => {
	test('create sends a JSON:API body and outputs the flattened record', async () => {
		const api = fakeApi(BASE);
		const record = customer('cst-2');
		api.scope.post('/customers').reply(201, { data: record });

		const { output, error } = await run({
			operation: 'create',
			firstName: 'Karl',
			lastName: 'Jenkins',
			email: 'karl@karljenkins.com',
			additionalFields: {
				phone: '01234555678',
				title: 'Mr',
				address: { details: { line1: '1 A Street', line2: 'A Town', line3: '', line4: '', postcode: 'AB123CD' } },
				membership: { details: { identifier: 'A12345BCD', startDate: '2020-01-01', endDate: '2021-12-31' } },
				consent: { details: { email: true, post: false, sms: false } },
			},
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/customers');
		expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(request.body).toEqual({
			data: {
				type: 'customer',
				attributes: {
					first_name: 'Karl',
					last_name: 'Jenkins',
					email: 'karl@karljenkins.com',
					phone: '01234555678',
					title: 'Mr',
					address: { line_1: '1 A Street', line_2: 'A Town', line_3: '', line_4: '', postcode: 'AB123CD' },
					membership: { identifier: 'A12345BCD', start_date: '2020-01-01', end_date: '2021-12-31' },
					consent: { email: true, post: false, sms: false },
				},
			},
		});
		expect(output).toEqual([{ json: flat(record), pairedItem: { item: 0 } }]);
	});
});
