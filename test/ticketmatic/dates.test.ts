import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { HOST, PREFIX, contact, hmacCredentials } from './fixtures';

afterEach(resetHttp);

/** Get Many of `resource` with Last Updated Since, in a workflow whose time zone is `timezone`. */
const listSince = (resource: string, since: unknown, timezone: string, continueOnFail = false) =>
	runNode({
		type: 'ticketmatic',
		timezone,
		parameters: {
			resource,
			operation: 'getAll',
			returnAll: true,
			filters: { lastUpdateSince: since },
		},
		credentials: hmacCredentials,
		continueOnFail,
	});

const PATHS: Record<string, string> = {
	contact: `${PREFIX}/contacts`,
	relationType: `${PREFIX}/settings/system/relationtypes`,
};

describe('Ticketmatic Last Updated Since is sent as "YYYY-MM-DD HH:mm:ss" in UTC (tm-go ticketmatic/time.go)', () => {
	test.each([
		// A picked date has no zone: it is a clock time in the workflow's zone.
		[
			'contact',
			'a picked date in Brussels (UTC+1 in winter)',
			'2026-01-10T09:30:00',
			'Europe/Brussels',
			'2026-01-10 08:30:00',
		],
		[
			'contact',
			'a picked date in Brussels (UTC+2 in summer)',
			'2026-07-10T09:30:00',
			'Europe/Brussels',
			'2026-07-10 07:30:00',
		],
		[
			'contact',
			'a picked date in New York (UTC-5)',
			'2026-01-10T09:30:00',
			'America/New_York',
			'2026-01-10 14:30:00',
		],
		[
			'contact',
			'an instant with an offset is exact, whatever the zone',
			'2026-01-10T09:30:00+01:00',
			'America/New_York',
			'2026-01-10 08:30:00',
		],
		[
			'contact',
			'a UTC instant with milliseconds',
			'2026-01-10T08:30:00.999Z',
			'Europe/Brussels',
			'2026-01-10 08:30:00',
		],
		[
			'contact',
			'a Luxon DateTime ($now-like)',
			'={{ DateTime.fromISO("2026-07-01T08:00:00Z") }}',
			'America/New_York',
			'2026-07-01 08:00:00',
		],
		[
			'contact',
			'a Luxon DateTime in the workflow zone, as $now is',
			'={{ DateTime.fromISO("2026-07-01T10:00:00", { zone: "Europe/Brussels" }) }}',
			'Europe/Brussels',
			'2026-07-01 08:00:00',
		],
		[
			'relationType',
			'a picked date in Brussels',
			'2026-01-10T09:30:00',
			'Europe/Brussels',
			'2026-01-10 08:30:00',
		],
		[
			'relationType',
			'an instant in New York',
			'2026-01-10T09:30:00-05:00',
			'America/New_York',
			'2026-01-10 14:30:00',
		],
	])('%s: %s', async (resource, _what, since, timezone, sent) => {
		const api = fakeApi(HOST);
		api.scope
			.get(PATHS[resource])
			.query(true)
			.reply(200, { data: [contact(1)], nbrofresults: 1 });

		const { output, error } = await listSince(resource, since, timezone);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({ method: 'GET', path: PATHS[resource] });
		expect(api.requests[0].query.lastupdatesince).toBe(sent);
		expect(output).toEqual([{ json: contact(1), pairedItem: { item: 0 } }]);
	});

	test('a value that is not a date is refused before anything is sent', async () => {
		const api = fakeApi(HOST);
		const { output, error } = await listSince('contact', 'last tuesday', 'Europe/Brussels', true);
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(0);
		expect(output).toHaveLength(1);
		expect((output[0].json as IDataObject).error).toMatch(/"Last Updated Since" is not a date/);
	});
});
