import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API, HOST, credentials } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject, timezone: string, continueOnFail = false) =>
	runNode({
		type: 'quentn',
		timezone,
		parameters: { resource: 'contact', ...parameters },
		credentials,
		continueOnFail,
	});

describe('Quentn date_of_birth is sent as ISO 8601 in UTC (+00:00), as the field promises', () => {
	test.each([
		[
			'a picked date in Brussels',
			'2004-02-12T16:19:21',
			'Europe/Brussels',
			'2004-02-12T15:19:21+00:00',
		],
		[
			'a picked date in New York',
			'2004-02-12T10:19:21',
			'America/New_York',
			'2004-02-12T15:19:21+00:00',
		],
		[
			'an instant with an offset in New York',
			'2004-02-12T16:19:21+01:00',
			'America/New_York',
			'2004-02-12T15:19:21+00:00',
		],
	])('create: %s', async (_what, dateOfBirth, timezone, sent) => {
		const api = fakeApi(HOST);
		api.scope.post(`${API}/contact`).reply(200, { id: 93 });

		const { output, error } = await run(
			{ operation: 'create', email: 'john@example.com', additionalFields: { dateOfBirth } },
			timezone,
		);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'POST', path: `${API}/contact` });
		expect(api.requests[0].body).toEqual({
			contact: { mail: 'john@example.com', date_of_birth: sent },
		});
		expect(output).toEqual([{ json: { id: 93 }, pairedItem: { item: 0 } }]);
	});

	test('update: a date read in the workflow zone (New York)', async () => {
		const api = fakeApi(HOST);
		api.scope.put(`${API}/contact/93`).reply(200, { success: true });

		const { error } = await run(
			{ operation: 'update', contactId: '93', updateFields: { dateOfBirth: '1965-03-01' } },
			'America/New_York',
		);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'PUT', path: `${API}/contact/93` });
		expect(api.requests[0].body).toEqual({ date_of_birth: '1965-03-01T05:00:00+00:00' });
	});

	test('create many: each contact the same way (Brussels)', async () => {
		const api = fakeApi(HOST);
		api.scope.post(`${API}/contacts`).reply(200, [{ id: 93 }]);

		const { error } = await run(
			{
				operation: 'createMany',
				email: 'john@example.com',
				additionalFields: { dateOfBirth: '2004-02-12T16:19:21' },
			},
			'Europe/Brussels',
		);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect((api.requests[0].body as IDataObject).contacts).toEqual([
			{ mail: 'john@example.com', date_of_birth: '2004-02-12T15:19:21+00:00' },
		]);
	});

	test('a value that is not a date is refused before anything is sent', async () => {
		const api = fakeApi(HOST);
		const { output } = await run(
			{ operation: 'update', contactId: '93', updateFields: { dateOfBirth: 'soon' } },
			'Europe/Brussels',
			true,
		);
		expect(api.requests).toHaveLength(0);
		expect((output[0].json as IDataObject).error).toMatch(/"Date of Birth" is not a date/);
	});
});
