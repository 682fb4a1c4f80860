/**
 * ChartMogul allows 40 requests/s per account (429 beyond) and 20 parallel connections (503 beyond)
 * (https://dev.chartmogul.com/docs/rate-limits). This fake enforces both, counted in the reply function while replies are
 * delayed, so in-flight requests really overlap. Time is virtual (test/harness/clock.ts): the replies' delays, the
 * rate gate's windows and the retry waits all run on it, so the limits are counted and a busy machine cannot fail them.
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { virtualClock } from '../harness/clock';
import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASIC, CUSTOMER, DATA_SOURCE, HOST, contact, credentials, many } from './fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory runs before the imports
jest.mock('n8n-workflow', () => require('../harness/clock').n8nWorkflowOnVirtualTime());

afterEach(resetHttp);

const PATH = `/v1/customers/${CUSTOMER}/contacts`;

interface LimitedServer {
	created: Map<string, number>;
	maxOpen: number;
	maxPerSecond: number;
	rejected: { 429: number; 503: number };
	attempts: number;
}

/** Answers POST PATH like ChartMogul under its limits: 503 past 20 open requests, 429 past 40 starts in any second. */
function limitedServer(replyDelayMs: () => number): LimitedServer {
	const api = fakeApi(HOST);
	const state: LimitedServer = {
		created: new Map(),
		maxOpen: 0,
		maxPerSecond: 0,
		rejected: { 429: 0, 503: 0 },
		attempts: 0,
	};
	const starts: number[] = [];
	let open = 0;
	api.scope
		.post(PATH)
		.times(10_000)
		.reply(async function (_uri, body) {
			state.attempts++;
			const now = virtualClock.now();
			starts.push(now);
			while (starts[0] <= now - 1000) starts.shift();
			open++;
			try {
				state.maxOpen = Math.max(state.maxOpen, open);
				state.maxPerSecond = Math.max(state.maxPerSecond, starts.length);
				if (open > 20) {
					state.rejected[503]++;
					return [503, { code: 503, message: 'Too many parallel connections', param: null }];
				}
				if (starts.length > 40) {
					state.rejected[429]++;
					return [
						429,
						{ code: 429, message: 'Your request rate has exceeded our rate limit', param: null },
						{ 'Retry-After': '1' },
					];
				}
				await sleep(replyDelayMs());
				const email = (body as IDataObject).email as string;
				state.created.set(email, (state.created.get(email) ?? 0) + 1);
				return [201, contact(`con_${email}`, { email })];
			} finally {
				open--;
			}
		});
	return state;
}

const createParameters = {
	resource: 'contact',
	operation: 'create',
	customerUuid: CUSTOMER,
	dataSourceUuid: { __rl: true, mode: 'list', value: DATA_SOURCE },
	additionalFields: { email: '={{ $json.email }}' },
};

describe('ChartMogul rate limits', () => {
	test('the fake really enforces 20 connections and 40 requests/s', async () => {
		const server = limitedServer(() => 200);
		const statuses = await Promise.all(
			many(45, () =>
				fetch(`${HOST}${PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', authorization: BASIC },
					body: JSON.stringify({ email: `raw${Math.random()}@example.com` }),
				}).then((response) => response.status),
			),
		);
		expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
		expect(server.maxOpen).toBeGreaterThan(20);
	});

	test('200 items of contact.create: 200 contacts created, none twice, no error, never past the limits', async () => {
		const server = limitedServer(() => 40 + Math.floor(Math.random() * 60));
		const items = many(200, (i) => ({ email: `person${i}@example.com` }));

		const started = virtualClock.now();
		const { output, error } = await runNode({
			type: 'chartMogul',
			parameters: createParameters,
			credentials,
			items,
		});
		const tookMs = virtualClock.now() - started;

		expect(error).toBeUndefined();
		expect(output).toHaveLength(200);
		expect(server.created.size).toBe(200);
		expect([...server.created.values()].every((count) => count === 1)).toBe(true);
		// Each output item is the contact of its own input item.
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.email).toBe(`person${index}@example.com`);
		});
		// 10 in flight: never near the 20-connection limit, so never a 503.
		expect(server.maxOpen).toBeLessThanOrEqual(10);
		expect(server.rejected[503]).toBe(0);
		// At most 40 requests in any second, as the server counts them (a permit is reused only a second after its
		// request finished, so a late start of the first ones cannot crowd the next second): never a 429. And more
		// than 35: the whole documented limit is used, not a guess below it.
		expect(server.maxPerSecond).toBeLessThanOrEqual(40);
		expect(server.maxPerSecond).toBeGreaterThan(35);
		expect(server.rejected[429]).toBe(0);
		expect(server.attempts).toBe(200);
		// 200 requests with 40 permits, each reused a second after its request finished: at least 4 s of virtual time
		// (5 rounds of 40, four waits of a second); the pacing is real.
		expect(tookMs).toBeGreaterThanOrEqual(4_000);
	}, 60_000);

	test('200 creates through Loop Over Items in batches of 20, in two executions at once: one window per account, 0 × 429', async () => {
		// Each batch is a separate run of the node, and the two executions run side by side: the requests of
		// different runs never overlap in one gate's queue, so only a window kept per account keeps them under 40/s.
		const server = limitedServer(() => 40 + Math.floor(Math.random() * 60));
		const half = (offset: number) => many(100, (i) => ({ email: `loop${offset + i}@example.com` }));
		const runs = await Promise.all(
			[0, 100].map((offset) =>
				runNode({
					type: 'chartMogul',
					parameters: createParameters,
					credentials,
					items: half(offset),
					loopBatchSize: 20,
				}),
			),
		);
		for (const [index, run] of runs.entries()) {
			expect(run.error).toBeUndefined();
			expect(run.nodeRuns).toBe(5);
			expect(run.output.map((item) => item.json.email)).toEqual(
				half(index * 100).map((item) => item.email),
			);
		}
		expect(server.created.size).toBe(200);
		expect(server.rejected[429]).toBe(0);
		expect(server.maxPerSecond).toBeLessThanOrEqual(40);
		expect(server.attempts).toBe(200);
	}, 60_000);

	test('a 429 is retried after Retry-After and the contact is created once', async () => {
		const api = fakeApi(HOST);
		const times: number[] = [];
		api.scope.post(PATH).reply(() => {
			times.push(virtualClock.now());
			return [
				429,
				{ code: 429, message: 'Your request rate has exceeded our rate limit', param: null },
				{ 'Retry-After': '1' },
			];
		});
		api.scope.post(PATH).reply(() => {
			times.push(virtualClock.now());
			return [201, contact('con_1')];
		});

		const { output, error } = await runNode({
			type: 'chartMogul',
			parameters: createParameters,
			credentials,
			items: [{ email: 'adam@example.com' }],
		});

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(2);
		// Sent again once the second Retry-After asked for had passed, not before (later if the account's rate
		// window, shared with the tests before, had no permit free then).
		expect(times[1] - times[0]).toBeGreaterThanOrEqual(1000);
		expect(output).toEqual([{ json: contact('con_1'), pairedItem: { item: 0 } }]);
	});

	test('a 503 (too many connections) is retried; a 500 on a POST is not', async () => {
		const api = fakeApi(HOST);
		api.scope
			.post(PATH)
			.reply(
				503,
				{ code: 503, message: 'Too many parallel connections', param: null },
				{ 'Retry-After': '0' },
			);
		api.scope.post(PATH).reply(201, contact('con_1'));
		const ok = await runNode({
			type: 'chartMogul',
			parameters: createParameters,
			credentials,
			items: [{ email: 'a@example.com' }],
		});
		expect(ok.error).toBeUndefined();
		expect(api.requests).toHaveLength(2);

		api.scope.post(PATH).reply(500, { error: 'Internal error' });
		const failed = await runNode({
			type: 'chartMogul',
			parameters: createParameters,
			credentials,
			items: [{ email: 'b@example.com' }],
		});
		expect(failed.error?.message).toBe('ChartMogul: Internal error');
		expect(api.requests).toHaveLength(3);
	});
});
