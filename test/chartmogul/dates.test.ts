import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { CUSTOMER, HOST, credentials, note } from './fixtures';

afterEach(resetHttp);

const run = (parameters: IDataObject, timezone: string, continueOnFail = false) =>
	runNode({
		type: 'chartMogul',
		timezone,
		parameters: { resource: 'customerNote', ...parameters },
		credentials,
		continueOnFail,
	});

describe('ChartMogul note created_at / updated_at are the moment meant, sent in UTC', () => {
	test.each([
		[
			'a picked date in Brussels',
			'2026-01-10T09:30:00',
			'Europe/Brussels',
			'2026-01-10T08:30:00+00:00',
		],
		[
			'a picked date in New York',
			'2026-01-10T09:30:00',
			'America/New_York',
			'2026-01-10T14:30:00+00:00',
		],
		[
			'an instant with an offset in New York',
			'2026-01-10T09:30:00+01:00',
			'America/New_York',
			'2026-01-10T08:30:00+00:00',
		],
		[
			'a Luxon DateTime ($now-like) in Brussels',
			'={{ DateTime.fromISO("2026-07-01T10:00:00", { zone: "Europe/Brussels" }) }}',
			'Europe/Brussels',
			'2026-07-01T08:00:00+00:00',
		],
	])('create: %s', async (_what, createdAt, timezone, sent) => {
		const api = fakeApi(HOST);
		api.scope.post('/v1/customer_notes').reply(201, note('note_1'));

		const { output, error } = await run(
			{
				operation: 'create',
				customerUuid: CUSTOMER,
				type: 'note',
				text: 'Hi',
				additionalFields: { createdAt },
			},
			timezone,
		);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/v1/customer_notes' });
		expect(api.requests[0].body).toEqual({
			customer_uuid: CUSTOMER,
			type: 'note',
			text: 'Hi',
			created_at: sent,
		});
		expect(output).toEqual([{ json: note('note_1'), pairedItem: { item: 0 } }]);
	});

	test('update: both dates, read in the workflow zone (Brussels)', async () => {
		const api = fakeApi(HOST);
		api.scope.patch('/v1/customer_notes/note_1').reply(200, note('note_1'));

		const { error } = await run(
			{
				operation: 'update',
				noteUuid: 'note_1',
				updateFields: { createdAt: '2026-01-10T09:30:00', updatedAt: '2026-07-10 09:30' },
			},
			'Europe/Brussels',
		);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].body).toEqual({
			created_at: '2026-01-10T08:30:00+00:00',
			updated_at: '2026-07-10T07:30:00+00:00',
		});
	});

	test('a value that is not a date is refused before anything is sent', async () => {
		const api = fakeApi(HOST);
		const { output } = await run(
			{ operation: 'update', noteUuid: 'note_1', updateFields: { updatedAt: 'yesterday' } },
			'Europe/Brussels',
			true,
		);
		expect(api.requests).toHaveLength(0);
		expect((output[0].json as IDataObject).error).toMatch(/"Updated At" is not a date/);
	});
});
