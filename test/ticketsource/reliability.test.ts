/** The shared executor's promises, proven on TicketSource through n8n's engine. */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { virtualClock } from '../harness/clock';
import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { API_KEY, BASE, credentials, customer, flat } from './fixtures';

// Retry waits on virtual time: counted, not timed (a busy machine cannot fail them), and no test waits for real.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory runs before the imports
jest.mock('n8n-workflow', () => require('../harness/clock').n8nWorkflowOnVirtualTime());

afterEach(resetHttp);

/** The virtual time of each request nock answers (replies given as [status, body, headers]). */
const stamped = (times: number[], reply: [number, unknown, Record<string, string>?]) => () => {
	times.push(virtualClock.now());
	return reply;
};

const run = (
	parameters: IDataObject,
	options: {
		items?: IDataObject[];
		continueOnFail?: boolean;
		onError?: 'continueErrorOutput';
	} = {},
) =>
	runNode({
		type: 'ticketSource',
		parameters: { resource: 'customer', ...parameters },
		credentials,
		...options,
	});

const createParameters = {
	operation: 'create',
	firstName: 'Karl',
	lastName: 'Jenkins',
	email: 'karl@karljenkins.com',
};

describe('TicketSource reliability', () => {
	test('a 429 with Retry-After: 1 is waited out and retried', async () => {
		const api = fakeApi(BASE);
		const times: number[] = [];
		api.scope
			.get('/customers/cst-1')
			.reply(stamped(times, [429, { message: 'Too Many Attempts.' }, { 'Retry-After': '1' }]));
		api.scope.get('/customers/cst-1').reply(stamped(times, [200, { data: customer('cst-1') }]));

		const { output, error } = await run({ operation: 'get', customerId: 'cst-1' });

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(2);
		// The retry went out exactly the second Retry-After asked for after the 429.
		expect(times[1] - times[0]).toBe(1000);
		expect(output).toEqual([{ json: flat(customer('cst-1')), pairedItem: { item: 0 } }]);
	});

	test('two 503s then success: three requests, one record', async () => {
		const api = fakeApi(BASE);
		api.scope.get('/customers/cst-1').twice().reply(503, 'Service Unavailable');
		api.scope.get('/customers/cst-1').reply(200, { data: customer('cst-1') });

		const { output, error } = await run({ operation: 'get', customerId: 'cst-1' });

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(3);
		expect(output).toHaveLength(1);
	});

	test('a 503 that never ends gives up after 5 attempts and says so', async () => {
		const api = fakeApi(BASE);
		api.scope
			.get('/customers/cst-1')
			.times(5)
			.reply(503, { message: 'Down for maintenance' }, { 'Retry-After': '0' });

		const { error } = await run({ operation: 'get', customerId: 'cst-1' });

		expect(api.requests).toHaveLength(5);
		expect(error?.message).toBe('TicketSource: Down for maintenance (gave up after 5 attempts)');
	});

	test("a 429 that outlasts the retries keeps TicketSource's words (n8n would swap in its batching hint)", async () => {
		const api = fakeApi(BASE);
		api.scope
			.get('/customers/cst-1')
			.times(21)
			.reply(429, { message: 'Too Many Attempts.' }, { 'Retry-After': '0' });

		const { error } = await run({ operation: 'get', customerId: 'cst-1' });

		// A 429 is refused work: tried again up to 20 times (not bounded by the 5 attempts of other failures).
		expect(api.requests).toHaveLength(21);
		expect(error?.message).toBe('TicketSource: Too Many Attempts. (gave up after 21 attempts)');
		expect(error?.description).toMatch(/rate-limiting requests \(HTTP 429\)/);
	});

	test('a POST whose connection is reset is not sent again', async () => {
		const api = fakeApi(BASE);
		api.scope
			.post('/customers')
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		api.scope.post('/customers').reply(201, { data: customer('cst-dup') });

		const { error } = await run(createParameters);

		expect(api.requests).toHaveLength(1);
		expect(error?.message).toBe('Could not reach TicketSource: the connection was reset');
		expect(error?.description).toMatch(/may have stored it/);
	});

	test('a GET reset on every attempt is not told it was kept back to avoid a duplicate: it was sent 5 times (#26.7)', async () => {
		const api = fakeApi(BASE);
		api.scope
			.get('/customers/cst-1')
			.times(5)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

		const { error } = await run({ operation: 'get', customerId: 'cst-1' });

		expect(api.requests).toHaveLength(5);
		expect(error?.message).toBe(
			'Could not reach TicketSource (gave up after 5 attempts): the connection was reset',
		);
		expect(error?.description).toBe(
			'Check the network connection and that TicketSource is reachable, then try again. (ECONNRESET)',
		);
	});

	test.each([
		// axios's own timeout error (axios lib/adapters/http.js): code ECONNABORTED, as n8n passes it on.
		[
			'axios says ECONNABORTED',
			Object.assign(new Error('timeout of 300000ms exceeded'), { code: 'ECONNABORTED' }),
		],
		['n8n gives no code, only the message', new Error('timeout of 300000ms exceeded')],
	])(
		'a POST that timed out (%s) is not sent again and says it may have been stored (#26.10)',
		async (_, failure) => {
			const api = fakeApi(BASE);
			api.scope.post('/customers').replyWithError(failure);
			api.scope.post('/customers').reply(201, { data: customer('cst-dup') });

			const { error } = await run(createParameters);

			expect(api.requests).toHaveLength(1);
			expect(error?.message).toBe('Could not reach TicketSource: the request timed out');
			expect(error?.description).toMatch(
				/^The connection failed after the request was sent, so TicketSource may have stored it\. It was not sent again to avoid a duplicate/,
			);
		},
	);

	test('a GET whose connection is reset is retried', async () => {
		const api = fakeApi(BASE);
		api.scope
			.get('/customers/cst-1')
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		api.scope.get('/customers/cst-1').reply(200, { data: customer('cst-1') });

		const { output, error } = await run({ operation: 'get', customerId: 'cst-1' });

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(2);
		expect(output).toHaveLength(1);
	});

	test("a vendor 422 shows TicketSource's own message, never the API key", async () => {
		const api = fakeApi(BASE);
		api.scope.post('/customers').reply(422, {
			message: `The given data was invalid for key ${API_KEY}.`,
			errors: { email: ['The email has already been taken.'] },
		});

		const { error } = await run(createParameters);

		expect(error?.message).toBe(
			'TicketSource: The given data was invalid for key [redacted]. (email: The email has already been taken.)',
		);
		expect(error?.description).toMatch(/rejected the data \(HTTP 422\)/);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
		expect(`${error?.message} ${error?.description} ${error?.stack}`).not.toContain(API_KEY);
	});

	test('a 401 says to check the API key, without showing it', async () => {
		const api = fakeApi(BASE);
		api.scope.get('/customers/cst-1').reply(401, { message: 'Unauthenticated.' });

		const { error } = await run({ operation: 'get', customerId: 'cst-1' });

		expect(api.requests).toHaveLength(1);
		expect(error?.message).toBe('TicketSource: Unauthenticated.');
		expect(error?.description).toMatch(/Check the API key in the TicketSource credential/);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});

	test('continue on fail: the bad item becomes its own error item, the others succeed, pairing intact', async () => {
		const api = fakeApi(BASE);
		api.scope.get('/customers/cst-1').reply(200, { data: customer('cst-1') });
		api.scope.get('/customers/cst-3').reply(200, { data: customer('cst-3') });

		const { output, error } = await run(
			{ operation: 'get', customerId: '={{ $json.id }}' },
			{ items: [{ id: 'cst-1' }, { id: '' }, { id: 'cst-3' }], continueOnFail: true },
		);

		expect(error).toBeUndefined();
		expect(api.requests.map((r) => r.path)).toEqual(['/customers/cst-1', '/customers/cst-3']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.id).toBe('cst-1');
		expect(output[1].json).toEqual({ error: '"Customer ID" is empty' });
		expect(output[1].error?.description).toBe(
			'Not sent: nothing went to TicketSource for this item. Enter the Customer ID, or map it from an earlier node with an expression.',
		);
		expect(output[2].json.id).toBe('cst-3');
	});

	test('error output: the failed item goes to the error branch, paired to its input item', async () => {
		const api = fakeApi(BASE);
		api.scope.get('/customers/cst-1').reply(200, { data: customer('cst-1') });
		api.scope
			.get('/customers/cst-404')
			.reply(404, { message: 'No query results for model [Customer].' });

		const { output, errorOutput } = await run(
			{ operation: 'get', customerId: '={{ $json.id }}' },
			{ items: [{ id: 'cst-1' }, { id: 'cst-404' }], onError: 'continueErrorOutput' },
		);

		expect(output.map((item) => item.json.id)).toEqual(['cst-1']);
		expect(errorOutput).toHaveLength(1);
		expect(errorOutput[0].json).toEqual({
			error: 'TicketSource: No query results for model [Customer].',
		});
		expect(errorOutput[0].pairedItem).toEqual({ item: 1 });
	});

	test('without continue on fail the run stops with the failing item named', async () => {
		const api = fakeApi(BASE);
		api.scope.get('/customers/cst-1').reply(200, { data: customer('cst-1') });

		const { error } = await run(
			{ operation: 'get', customerId: '={{ $json.id }}' },
			{ items: [{ id: 'cst-1' }, { id: '' }] },
		);

		expect(error?.message).toBe('"Customer ID" is empty');
		expect(error?.context?.itemIndex).toBe(1);
	});

	test('at most 5 requests are in flight for one run, however many items', async () => {
		const api = fakeApi(BASE);
		let inFlight = 0;
		let most = 0;
		api.scope
			.get(/\/customers\/cst-\d+$/)
			.times(30)
			.reply(async (uri) => {
				inFlight++;
				most = Math.max(most, inFlight);
				await sleep(20);
				inFlight--;
				return [200, { data: customer(uri.split('/').pop()!) }];
			});

		const items = Array.from({ length: 30 }, (_, i) => ({ id: `cst-${i}` }));
		const { output, error } = await run(
			{ operation: 'get', customerId: '={{ $json.id }}' },
			{ items },
		);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(30);
		expect(most).toBe(5);
		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual(
			items.map((item, i) => [item.id, { item: i }]),
		);
	});

	test('an outage: after 3 items in a row failed, the rest of the run is "not sent", with no request (continue on fail)', async () => {
		const api = fakeApi(BASE);
		api.scope.post('/customers').times(20).reply(500, { message: 'Server Error' });
		const items = Array.from({ length: 20 }, (_, i) => ({ email: `p${i}@example.com` }));

		const { output, error } = await run(
			{ ...createParameters, email: '={{ $json.email }}' },
			{ items, continueOnFail: true },
		);

		expect(error).toBeUndefined();
		expect(output).toHaveLength(20);
		const sentEmails = api.requests
			.map(
				(request) => ((request.body as IDataObject).data as IDataObject).attributes as IDataObject,
			)
			.map((a) => a.email);
		const failed = output.filter((item) => item.json.error === 'TicketSource: Server Error');
		const notSent = output.filter(
			(item) =>
				item.json.error ===
				'Not sent: TicketSource failed for 3 items in a row (server errors or no connection)',
		);
		// Every item is one or the other, paired to its own input item; exactly the failed ones reached the server.
		expect(failed.length + notSent.length).toBe(20);
		output.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		expect(new Set(sentEmails)).toEqual(
			new Set(failed.map((item) => items[(item.pairedItem as { item: number }).item].email)),
		);
		// 5 in flight at once plus at most the ones that started before the third failure came back: most were never sent.
		expect(api.requests.length).toBeGreaterThanOrEqual(3);
		expect(api.requests.length).toBeLessThanOrEqual(8);
		expect(notSent.map((item) => (item.pairedItem as { item: number }).item)).toContain(19);
	});
});
