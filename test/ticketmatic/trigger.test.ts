import type { IDataObject } from 'n8n-workflow';

import { PollContext } from 'n8n-core';

import {
	DEFAULT_POLL_BUDGET_MS,
	OVERLAP_MS,
	RESUME_MARGIN,
	SAMPLE_SIZE,
	sinceParameter,
	ticketmaticTime,
} from '../../nodes/Ticketmatic/contactChanges';
import { runPoll } from '../harness/engine';
import type { SeenRequest } from '../harness/http';
import { fakeApi, resetHttp } from '../harness/http';
import { HOST, PREFIX, hmacCredentials, verifyHmac } from './fixtures';

afterEach(() => {
	resetHttp();
	jest.restoreAllMocks();
	delete (PollContext.prototype as { getPollBudgetMs?: unknown }).getPollBudgetMs;
});

/** Poll Times every minute: a poll without state lists the last two minutes (one interval + n8n's random second). */
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };
const LOOKBACK_MS = 2 * 60_000;

/** "YYYY-MM-DD HH:mm:ss", as Ticketmatic writes timestamps. */
const ts = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/**
 * A Ticketmatic account behind nock: its own clock (deliberately hours away from this machine's), contacts
 * with createdts/lastupdatets, and GET /contacts filtered by lastupdatesince (inclusive), ordered by
 * lastupdatets or createdts, paged with limit/offset and counted in nbrofresults.
 */
class FakeAccount {
	now = Date.parse('2031-03-01T08:00:00Z');
	contacts = new Map<number, IDataObject>();
	requests: SeenRequest[] = [];
	/** Called before a /contacts page is answered (to change the account between pages). */
	beforePage?: (offset: number) => void;
	/** n8n's clock as the node reads it (Date.now), moved by `pageMs` for each /contacts page: a slow account. */
	clock = 1_000_000;
	pageMs = 0;
	/** Leave `nbrofresults` out of the answer (a server that does not count). */
	noTotal = false;

	constructor() {
		const api = fakeApi(HOST);
		this.requests = api.requests;
		api.scope
			.get(`${PREFIX}/diagnostics/time`)
			.reply(() => [200, { systemtime: new Date(this.now).toISOString() }])
			.persist();
		api.scope
			.get(`${PREFIX}/contacts`)
			.query(true)
			.reply((uri) => {
				const query = new URL(uri, HOST).searchParams;
				this.beforePage?.(Number(query.get('offset') ?? 0));
				this.clock += this.pageMs;
				const since = query.get('lastupdatesince');
				const field = query.get('orderby') ?? 'name';
				const all = [...this.contacts.values()]
					.filter((c) => !since || String(c.lastupdatets) >= since)
					.sort(
						(a, b) =>
							String(a[field]).localeCompare(String(b[field])) || Number(a.id) - Number(b.id),
					);
				const offset = Number(query.get('offset') ?? 0);
				const limit = Number(query.get('limit') ?? 100);
				const data = all.slice(offset, offset + limit);
				return [200, this.noTotal ? { data } : { data, nbrofresults: all.length }];
			})
			.persist();
	}

	tick(ms: number) {
		this.now += ms;
		this.clock += ms;
	}

	/** The node reads n8n's time from this account's `clock` (fake time: no wall-clock waits). */
	useClock() {
		jest.spyOn(Date, 'now').mockImplementation(() => this.clock);
		return this;
	}

	create(id: number, at = this.now) {
		this.contacts.set(id, {
			id,
			firstname: `Contact ${id}`,
			createdts: ts(at),
			lastupdatets: ts(at),
		});
	}

	update(id: number, at = this.now) {
		const contact = this.contacts.get(id)!;
		this.contacts.set(id, {
			...contact,
			firstname: `${String(contact.firstname)}'`,
			lastupdatets: ts(at),
		});
	}
}

const poll = async (
	staticData: IDataObject,
	event: string,
	mode: 'trigger' | 'manual' = 'trigger',
) => {
	const result = await runPoll({
		type: 'ticketmaticTrigger',
		parameters: { event, pollTimes: EVERY_MINUTE },
		credentials: hmacCredentials,
		staticData,
		mode,
	});
	return result?.[0].map((item) => item.json) ?? [];
};
const ids = (records: IDataObject[]) => records.map((record) => record.id);
const contactQueries = (account: FakeAccount) =>
	account.requests.filter((r) => r.path === `${PREFIX}/contacts`);

describe('Ticketmatic Trigger (polling)', () => {
	test('a poll without state (the activation) lists one poll interval back on the account clock, nothing older', async () => {
		const account = new FakeAccount();
		account.create(1, account.now - LOOKBACK_MS - 1000); // before the look-back: never emitted
		account.create(2, account.now - 90_000);
		account.create(3, account.now - 10_000);
		const staticData: IDataObject = {};
		expect(ids(await poll(staticData, 'contactCreated'))).toEqual([2, 3]);
		expect(account.requests.map((r) => [r.method, r.path])).toEqual([
			['GET', `${PREFIX}/diagnostics/time`],
			['GET', `${PREFIX}/contacts`],
		]);
		expect(verifyHmac(account.requests[0].headers.authorization).ok).toBe(true);
		expect(contactQueries(account)[0].query.lastupdatesince).toBe(ts(account.now - LOOKBACK_MS));
		account.tick(60_000);
		expect(await poll(staticData, 'contactCreated')).toEqual([]); // stored: nothing twice
	});

	test('a contact added later in the second of the activation (Ticketmatic stores whole seconds) is not lost', async () => {
		const account = new FakeAccount();
		account.now += 750; // the account clock reads 08:00:00.750 at activation
		const staticData: IDataObject = {};
		await poll(staticData, 'contactCreated');
		account.tick(100);
		account.create(1); // stored as "08:00:00"
		account.tick(60_000);
		expect(ids(await poll(staticData, 'contactCreated'))).toEqual([1]);
	});

	test('contacts created between two polls are emitted once; old ones never; the query is signed and paged', async () => {
		const account = new FakeAccount();
		account.create(1, account.now - 3_600_000);
		const staticData: IDataObject = {};
		await poll(staticData, 'contactCreated');
		const activatedAt = account.now;

		account.tick(600_000);
		account.create(10);
		account.create(11);
		account.update(1); // an old contact changed: not a creation
		const first = await poll(staticData, 'contactCreated');
		expect(ids(first)).toEqual([10, 11]);
		expect(first[0]).toEqual(account.contacts.get(10));
		const [, query] = contactQueries(account);
		expect(query.method).toBe('GET');
		expect(query.query).toEqual({
			lastupdatesince: ts(activatedAt - LOOKBACK_MS),
			orderby: 'lastupdatets',
			limit: '1000',
			offset: '0',
		});
		expect(verifyHmac(query.headers.authorization).ok).toBe(true);

		// Nothing new: the overlap is listed again, nothing is emitted twice.
		account.tick(60_000);
		expect(await poll(staticData, 'contactCreated')).toEqual([]);
		expect(contactQueries(account)[2].query.lastupdatesince).toBe(
			sinceParameter(activatedAt + 600_000 - OVERLAP_MS),
		);

		// Updating a new contact is not a second creation.
		account.update(10);
		account.create(12);
		expect(ids(await poll(staticData, 'contactCreated'))).toEqual([12]);
	});

	test('contactUpdated emits every change of an existing contact once, and not creations', async () => {
		const account = new FakeAccount();
		for (let id = 1; id <= 3; id++) account.create(id, account.now - 86_400_000);
		const staticData: IDataObject = {};
		await poll(staticData, 'contactUpdated');

		account.tick(10_000);
		account.update(1);
		account.create(20);
		const first = await poll(staticData, 'contactUpdated');
		expect(ids(first)).toEqual([1]);
		expect(first[0].lastupdatets).toBe(ts(account.now));

		account.tick(10_000);
		expect(await poll(staticData, 'contactUpdated')).toEqual([]); // same change listed again: not emitted

		account.tick(10_000);
		account.update(1); // a second change of the same contact is a new event
		account.update(2);
		account.update(20); // the new contact's first change is an update
		expect(ids(await poll(staticData, 'contactUpdated'))).toEqual([1, 2, 20]);
	});

	test('a change that becomes visible late, with an earlier time than one already seen, is still emitted (overlap)', async () => {
		const account = new FakeAccount();
		const staticData: IDataObject = {};
		await poll(staticData, 'contactCreated');
		account.tick(120_000);
		account.create(1);
		expect(ids(await poll(staticData, 'contactCreated'))).toEqual([1]);
		// Contact 2 was written 2 minutes before contact 1 but committed only now.
		account.create(2, account.now - 120_000);
		account.tick(60_000);
		expect(ids(await poll(staticData, 'contactCreated'))).toEqual([2]);
	});

	test('page borders: 2,500 new contacts over three pages, each emitted exactly once', async () => {
		const account = new FakeAccount();
		const staticData: IDataObject = {};
		await poll(staticData, 'contactCreated');
		account.tick(1000);
		for (let id = 1; id <= 2500; id++)
			account.create(id, account.now + Math.floor(id / 100) * 1000);
		account.tick(60_000);
		const emitted = await poll(staticData, 'contactCreated');
		expect(emitted).toHaveLength(2500);
		expect(new Set(ids(emitted)).size).toBe(2500);
		expect(contactQueries(account).map((r) => r.query.offset)).toEqual(['0', '0', '1000', '2000']);
		account.tick(60_000);
		expect(await poll(staticData, 'contactCreated')).toEqual([]);
	});

	test('a server that sends no nbrofresults: pages are read up to an empty one, each contact once', async () => {
		const account = new FakeAccount();
		account.noTotal = true;
		const staticData: IDataObject = {};
		await poll(staticData, 'contactCreated');
		account.tick(1000);
		for (let id = 1; id <= 2000; id++) account.create(id);
		account.tick(60_000);
		const emitted = await poll(staticData, 'contactCreated');
		expect(new Set(ids(emitted)).size).toBe(2000);
		expect(contactQueries(account).map((r) => r.query.offset)).toEqual(['0', '0', '1000', '2000']);
	});

	test('a contact updated while the pages are read (records shift across a page border) is not lost', async () => {
		const account = new FakeAccount();
		for (let id = 1; id <= 1500; id++) account.create(id, account.now - 86_400_000);
		const staticData: IDataObject = {};
		await poll(staticData, 'contactUpdated');
		account.tick(1000);
		for (let id = 1; id <= 1500; id++) account.update(id, account.now + Math.floor(id / 10) * 1000);
		account.tick(600_000);
		// Between page 1 and page 2, contact 5 (on page 1) changes again and moves to the end: the contact
		// that was first on page 2 slides onto page 1 and is not in either page of this poll.
		account.beforePage = (offset) => {
			if (offset === 1000) {
				account.update(5);
				account.beforePage = undefined;
			}
		};
		const first = await poll(staticData, 'contactUpdated');
		expect(first).toHaveLength(1500); // 1,499 of the first changes + contact 5's second change
		const missing = [...account.contacts.keys()].filter((id) => !first.some((c) => c.id === id));
		expect(missing).toEqual([1001]);

		account.tick(60_000);
		const second = await poll(staticData, 'contactUpdated');
		expect(ids(second)).toEqual(missing); // the one the shift hid; nothing else again
		const all = [...first, ...second].map((c) => `${String(c.id)}@${String(c.lastupdatets)}`);
		expect(new Set(all).size).toBe(all.length);
		expect(all).toHaveLength(1501);
	});

	test('the window follows the account clock, not this machine: 3 hours of skew lose nothing', async () => {
		for (const skew of [-3 * 3_600_000, 3 * 3_600_000]) {
			const account = new FakeAccount();
			account.now = Date.now() + skew;
			account.create(99, account.now - 3_600_000); // changed an hour before activation, by the account's clock
			const staticData: IDataObject = {};
			await poll(staticData, 'contactCreated');
			account.create(1, account.now + 1000);
			account.tick(60_000);
			expect(ids(await poll(staticData, 'contactCreated'))).toEqual([1]);
			resetHttp();
		}
	});

	test('changing the event starts over: the new event looks back one poll interval, nothing older', async () => {
		const account = new FakeAccount();
		account.create(1, account.now - 600_000);
		account.update(1, account.now - 300_000);
		const staticData: IDataObject = {};
		expect(await poll(staticData, 'contactCreated')).toEqual([]);
		account.tick(1000);
		expect(await poll(staticData, 'contactUpdated')).toEqual([]);
		account.tick(1000);
		account.update(1);
		expect(ids(await poll(staticData, 'contactUpdated'))).toEqual([1]);
	});

	test('a manual test run shows the latest few contacts and leaves the stored state alone', async () => {
		const account = new FakeAccount();
		for (let id = 1; id <= 12; id++) account.create(id, account.now - (12 - id) * 60_000);
		account.update(3, account.now + 1000);
		const staticData: IDataObject = {};
		const created = await poll(staticData, 'contactCreated', 'manual');
		expect(ids(created)).toEqual([12, 11, 10, 9, 8]);
		expect(created).toHaveLength(SAMPLE_SIZE);
		const queries = contactQueries(account).map((r) => r.query);
		expect(queries).toEqual([
			{ orderby: 'createdts', limit: '5', offset: '0' },
			{ orderby: 'createdts', limit: '5', offset: '7' },
		]);
		expect(ids(await poll(staticData, 'contactUpdated', 'manual'))).toEqual([3, 12, 11, 10, 9]);
		expect(staticData).toEqual({});
	});

	test('n8n lost the activation poll (durable cursors keep no state of a poll that emits nothing): the first scheduled poll still emits every change made after activation', async () => {
		const account = new FakeAccount();
		account.create(1, account.now - 3_600_000);
		account.create(2, account.now - 3_600_000);
		// The activation polls; n8n throws away what they stored.
		expect(await poll({}, 'contactCreated')).toEqual([]);
		expect(await poll({}, 'contactUpdated')).toEqual([]);
		account.tick(5_000);
		account.create(10);
		account.update(1);
		account.tick(50_000); // the first scheduled poll, within a minute of the activation
		const created: IDataObject = {};
		const updated: IDataObject = {};
		expect(ids(await poll(created, 'contactCreated'))).toEqual([10]);
		expect(ids(await poll(updated, 'contactUpdated'))).toEqual([1]);
		account.tick(60_000);
		account.update(2);
		expect(await poll(created, 'contactCreated')).toEqual([]);
		expect(ids(await poll(updated, 'contactUpdated'))).toEqual([2]); // and from then on, each change once
	});

	test('several polls one after another, with the state n8n stored: every change once, none lost', async () => {
		const account = new FakeAccount();
		const staticData: IDataObject = {};
		await poll(staticData, 'contactUpdated');
		const emitted: string[] = [];
		for (let round = 0; round < 6; round++) {
			for (let id = 1; id <= 3; id++) {
				if (round === 0) account.create(id);
				else account.update(id, account.now - (round % 2) * 1000); // some a second in the past
			}
			account.tick(60_000);
			emitted.push(
				...(await poll(staticData, 'contactUpdated')).map((c) => `${c.id}@${c.lastupdatets}`),
			);
		}
		expect(emitted).toHaveLength(15); // 5 rounds of 3 updates
		expect(new Set(emitted).size).toBe(15);
	});

	test('two polls of one node at once (the in-process poller ticks while a slow poll still reads) emit each change once', async () => {
		const account = new FakeAccount();
		const staticData: IDataObject = {};
		await poll(staticData, 'contactCreated');
		account.tick(60_000);
		account.create(10);
		account.create(11);
		const [a, b] = await Promise.all([
			poll(staticData, 'contactCreated'),
			poll(staticData, 'contactCreated'),
		]);
		expect([...ids(a), ...ids(b)].sort()).toEqual([10, 11]);
		account.tick(60_000);
		account.create(12);
		expect(ids(await poll(staticData, 'contactCreated'))).toEqual([12]);
	});

	test('a poll n8n delivers twice from one stored state emits its changes again (at least once); the next poll repeats and misses nothing', async () => {
		const account = new FakeAccount();
		const stored: IDataObject = {};
		await poll(stored, 'contactCreated');
		account.tick(60_000);
		account.create(10);
		const again = JSON.parse(JSON.stringify(stored)) as IDataObject;
		expect(ids(await poll(stored, 'contactCreated'))).toEqual([10]);
		expect(ids(await poll(again, 'contactCreated'))).toEqual([10]); // redelivered: n8n's at-least-once
		account.tick(60_000);
		account.create(11);
		for (const state of [stored, again])
			expect(ids(await poll(state, 'contactCreated'))).toEqual([11]);
	});

	test('a slow 20,000-change backlog: each poll stops before its budget (getPollBudgetMs), the next carries on where it stopped, each change once', async () => {
		const account = new FakeAccount().useClock();
		(PollContext.prototype as { getPollBudgetMs?: () => number }).getPollBudgetMs = () => 5_000;
		const staticData: IDataObject = {};
		await poll(staticData, 'contactCreated');
		account.tick(1_000);
		const from = account.now;
		for (let id = 1; id <= 20_000; id++) account.create(id, from + Math.floor(id / 50) * 1000);
		account.tick(400_000);
		account.pageMs = 1_500; // each page takes 1.5 s: three fit in 5 s
		const emitted: IDataObject[] = [];
		let polls = 0;
		let pages = 0;
		while (emitted.length < 20_000 && polls < 20) {
			const asked = contactQueries(account).length;
			const began = account.clock;
			const got = await poll(staticData, 'contactCreated');
			polls++;
			pages += contactQueries(account).length - asked;
			expect(account.clock - began).toBeLessThan(5_000); // stopped before the budget
			expect(got.length).toBeGreaterThan(0); // and each poll got on
			emitted.push(...got);
			account.tick(60_000);
		}
		expect(emitted).toHaveLength(20_000);
		expect(new Set(ids(emitted)).size).toBe(20_000);
		expect(polls).toBe(7); // 20 pages, 3 a poll
		// 7 polls of 3 pages: a resumed poll starts RESUME_MARGIN records before where the last one stopped.
		expect(pages).toBe(21);
		expect(await poll(staticData, 'contactCreated')).toEqual([]);
	});

	test('without getPollBudgetMs (n8n before 2.41) a poll stops within the default budget', async () => {
		const account = new FakeAccount().useClock();
		const staticData: IDataObject = {};
		await poll(staticData, 'contactCreated');
		account.tick(1_000);
		for (let id = 1; id <= 5_000; id++)
			account.create(id, account.now + Math.floor(id / 100) * 1000);
		account.tick(120_000);
		account.pageMs = DEFAULT_POLL_BUDGET_MS / 3;
		const began = account.clock;
		const first = await poll(staticData, 'contactCreated');
		expect(account.clock - began).toBeLessThan(DEFAULT_POLL_BUDGET_MS);
		expect(first).toHaveLength(2_000);
		account.tick(60_000);
		const second = await poll(staticData, 'contactCreated');
		expect(second[0].id).toBe(2_001); // carries on without a gap, nothing twice
		expect(new Set(ids([...first, ...second])).size).toBe(first.length + second.length);
	});

	test('a backlog changed in one second (a bulk import) is read across polls by position; contacts changed again in between are not lost', async () => {
		const account = new FakeAccount().useClock();
		(PollContext.prototype as { getPollBudgetMs?: () => number }).getPollBudgetMs = () => 5_000;
		for (let id = 1; id <= 3_000; id++) account.create(id, account.now - 86_400_000);
		const staticData: IDataObject = {};
		await poll(staticData, 'contactUpdated');
		account.tick(1_000);
		for (let id = 1; id <= 3_000; id++) account.update(id); // all in the same second
		account.tick(60_000);
		account.pageMs = 2_000; // two pages a poll
		const first = await poll(staticData, 'contactUpdated');
		expect(first).toHaveLength(2_000);
		// Between the polls, contacts that poll read change again and move to the end of the listing: the ones
		// it did not read slide back over the place where it stopped.
		for (const shift of [RESUME_MARGIN - 1, RESUME_MARGIN + 5]) {
			for (let id = 1; id <= shift; id++) account.update(id);
		}
		account.tick(60_000);
		const rest: IDataObject[] = [];
		for (let round = 0; round < 6; round++) {
			rest.push(...(await poll(staticData, 'contactUpdated')));
			account.tick(60_000);
		}
		const all = [...first, ...rest].map((c) => `${c.id}@${c.lastupdatets}`);
		expect(new Set(all).size).toBe(all.length); // none twice
		expect(new Set(ids([...first, ...rest])).size).toBe(3_000); // none lost
		expect(all).toHaveLength(3_000 + RESUME_MARGIN + 5); // and the second changes, each once
	});

	test('Ticketmatic timestamps: space or T, fractions, zones; zone-less is UTC', () => {
		expect(ticketmaticTime('2015-04-09 14:19:49')).toBe(Date.parse('2015-04-09T14:19:49Z'));
		expect(ticketmaticTime('2015-04-09T14:19:49.250')).toBe(Date.parse('2015-04-09T14:19:49.250Z'));
		expect(ticketmaticTime('2015-04-09T14:19:49+02:00')).toBe(Date.parse('2015-04-09T12:19:49Z'));
		expect(ticketmaticTime('2015-04-09T14:19:49Z')).toBe(Date.parse('2015-04-09T14:19:49Z'));
		expect(ticketmaticTime('yesterday')).toBeNaN();
		expect(ticketmaticTime(undefined)).toBeNaN();
		expect(sinceParameter(Date.parse('2015-04-09T14:19:49.999Z'))).toBe('2015-04-09 14:19:49');
	});
});
