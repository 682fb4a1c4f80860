import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASE_PATH, SERVER, TOKEN, contact, credentials, one } from './fixtures';

afterEach(resetHttp);

/** One import with the given date fields, in a workflow whose time zone is Europe/Berlin. */
const importWith = (dates: IDataObject, continueOnFail = false) =>
	runNode({
		type: 'jtel',
		timezone: 'Europe/Berlin',
		parameters: {
			resource: 'diallerContact',
			operation: 'import',
			campaignBy: 'id',
			campaignId: { __rl: true, mode: 'id', value: '538' },
			name: 'Mustermann',
			phoneNumber1: '+4989123456',
			additionalFields: dates,
		},
		credentials,
		continueOnFail,
	});

describe('jtel date fields are sent as yyyy-MM-ddTHH:mm:ss whatever form n8n gives them in', () => {
	test.each([
		['a picked date (no zone): kept as written', '2026-12-01T10:00:00', '2026-12-01T10:00:00'],
		[
			'milliseconds and an offset (e.g. $now.toISO()): the clock time of the workflow zone',
			'2026-12-01T10:00:00.123+01:00',
			'2026-12-01T10:00:00',
		],
		[
			'a UTC instant: the clock time of the workflow zone (Berlin is UTC+1 in winter)',
			'2026-12-01T09:00:00Z',
			'2026-12-01T10:00:00',
		],
		[
			'a Luxon DateTime from an expression ($now-like)',
			'={{ DateTime.fromISO("2026-07-01T08:00:00Z") }}',
			'2026-07-01T10:00:00',
		],
		[
			'milliseconds since 1970',
			'={{ Date.UTC(2026, 11, 1, 9, 0, 0, 500) }}',
			'2026-12-01T10:00:00',
		],
		['a date with a space and no seconds', '2026-12-01 10:00', '2026-12-01T10:00:00'],
		['a date only', '2026-12-01', '2026-12-01T00:00:00'],
	])('%s', async (_what, value, sent) => {
		const api = fakeApi(SERVER);
		api.scope
			.post(`${BASE_PATH}/dialler/contacts/import`)
			.query(true)
			.reply(200, one(contact(70001)));

		const { output, error } = await importWith({
			dtBeginDate: value,
			dtEndDate: value,
			followUpDateTime: value,
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			path: `${BASE_PATH}/dialler/contacts/import`,
		});
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(api.requests[0].body).toMatchObject({
			dtBeginDate: sent,
			dtEndDate: sent,
			FollowUpDateTime: sent,
		});
		expect(output).toEqual([{ json: contact(70001), pairedItem: { item: 0 } }]);
	});

	test('an empty date field is left out', async () => {
		const api = fakeApi(SERVER);
		api.scope
			.post(`${BASE_PATH}/dialler/contacts/import`)
			.query(true)
			.reply(200, one(contact(70001)));
		await importWith({ dtBeginDate: '', dtEndDate: '2027-03-01T00:00:00' });
		expect(api.requests[0].body).not.toHaveProperty('dtBeginDate');
		expect(api.requests[0].body).toMatchObject({ dtEndDate: '2027-03-01T00:00:00' });
	});

	test('a value that is not a date is refused before sending, naming the field', async () => {
		const api = fakeApi(SERVER);
		api.scope
			.post(`${BASE_PATH}/dialler/contacts/import`)
			.query(true)
			.optionally()
			.reply(200, one(contact(70001)));
		const { output } = await importWith({ followUpDateTime: 'next tuesday' }, true);
		expect(api.requests).toHaveLength(0);
		expect(output).toEqual([
			expect.objectContaining({
				json: { error: '"Follow-Up Date and Time" is not a date: "next tuesday"' },
				pairedItem: { item: 0 },
			}),
		]);
	});
});
