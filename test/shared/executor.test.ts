import type { IHttpRequestOptions, IN8nHttpFullResponse, INode } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { RequestContext, RequestPolicy } from '../../nodes/shared/executor';
import {
	backoffMs,
	DEFAULT_RETRY,
	executeRequest,
	retryableNetworkError,
	retryableStatus,
	retryAfterMs,
} from '../../nodes/shared/executor';
import { openGates } from '../../nodes/shared/limiter';

describe('retry decisions', () => {
	test.each([
		[429, 'POST', true],
		[503, 'POST', true],
		[502, 'POST', false],
		[504, 'PATCH', false],
		[502, 'GET', true],
		[504, 'PUT', true],
		[504, 'DELETE', true],
		[500, 'GET', false],
		[404, 'GET', false],
	])('status %i on %s → retry %s', (status, method, expected) => {
		expect(retryableStatus(status, method)).toBe(expected);
	});

	test.each([
		['ECONNRESET', 'GET', true],
		['ETIMEDOUT', 'DELETE', true],
		['ECONNRESET', 'POST', false],
		['ECONNABORTED', 'POST', false],
		['ETIMEDOUT', 'PATCH', false],
		['ECONNREFUSED', 'POST', false],
		['ECONNREFUSED', 'GET', false],
		['ENOTFOUND', 'GET', false],
		['EAI_AGAIN', 'POST', true],
		['EHOSTUNREACH', 'POST', true],
		['ERR_TLS_CERT_ALTNAME_INVALID', 'GET', false],
	])('network error %s on %s → retry %s', (code, method, expected) => {
		expect(retryableNetworkError(code, method)).toBe(expected);
	});

	test('Retry-After in seconds, as an HTTP date, or unusable', () => {
		const now = Date.parse('2026-11-23T12:00:00Z');
		expect(retryAfterMs('2', now)).toBe(2000);
		expect(retryAfterMs('0', now)).toBe(0);
		expect(retryAfterMs('Mon, 23 Nov 2026 12:00:05 GMT', now)).toBe(5000);
		expect(retryAfterMs('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
		expect(retryAfterMs('soon', now)).toBeUndefined();
		expect(retryAfterMs(undefined, now)).toBeUndefined();
	});

	test('backoff doubles from the base, with jitter between half and the whole step, capped', () => {
		const settings = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 5000 };
		expect(backoffMs(1, { ...settings, random: () => 0 })).toBe(500);
		expect(backoffMs(1, { ...settings, random: () => 1 })).toBe(1000);
		expect(backoffMs(3, { ...settings, random: () => 1 })).toBe(4000);
		expect(backoffMs(10, { ...settings, random: () => 1 })).toBe(5000);
	});
});

describe('executeRequest', () => {
	type Step = Partial<IN8nHttpFullResponse> | Error;
	const node = { name: 'Vendor', type: 'test.vendor', id: 'n1' } as INode;

	function context(steps: Step[], secret = 'sk-very-secret-key', signal?: AbortSignal) {
		const sent: IHttpRequestOptions[] = [];
		const ctx = {
			getExecutionCancelSignal: () => signal,
			getNode: () => node,
			getExecutionId: () => 'exec-1',
			getCredentials: async () => ({ apiKey: secret }),
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
					sent.push(options);
					const step = steps.shift();
					if (!step) throw new Error('no more scripted responses');
					if (step instanceof Error) throw step;
					return { statusCode: 200, headers: {}, body: {}, ...step };
				},
			},
		} as unknown as RequestContext;
		return { ctx, sent };
	}

	function policy(waits: number[], overrides: Partial<RequestPolicy> = {}): RequestPolicy {
		return {
			vendor: 'Vendor',
			credentials: 'Check the key.',
			credentialType: 'vendorApi',
			maxInFlight: 2,
			secretFields: ['apiKey'],
			retry: { wait: async (ms) => void waits.push(ms), random: () => 0 },
			...overrides,
		};
	}

	/** `n` answers 429 with the vendor's words and a Retry-After. */
	const tooMany = (n: number, retryAfter: string) =>
		Array.from({ length: n }, () => ({
			statusCode: 429,
			headers: { 'retry-after': retryAfter },
			body: { message: 'Too Many Requests' },
		}));

	/** The error a request ends with (its description is where the fix is). */
	const failureOf = async (pending: Promise<unknown>) =>
		(await pending.then(
			() => undefined,
			(error: unknown) => error,
		)) as Error & { description?: string };

	const networkFailure = (code: string) =>
		Object.assign(new Error('socket hang up'), { httpCode: code });

	test('sends JSON with the full response and status errors handled here', async () => {
		const { ctx, sent } = context([{ statusCode: 200, body: { ok: true } }]);
		const response = await executeRequest(ctx, policy([]), { method: 'GET', url: '/x' });
		expect(response.body).toEqual({ ok: true });
		expect(sent[0]).toMatchObject({
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		expect(openGates()).toBe(0);
	});

	test('waits what Retry-After asks, then backoff, and says how many attempts it made', async () => {
		const waits: number[] = [];
		const { ctx, sent } = context([
			{ statusCode: 503, headers: { 'retry-after': '3' }, body: {} },
			{ statusCode: 503, body: {} },
			{ statusCode: 503, body: {} },
			{ statusCode: 503, body: {} },
			{ statusCode: 503, body: { message: 'still down' } },
		]);
		await expect(
			executeRequest(ctx, policy(waits), { method: 'POST', url: '/x' }),
		).rejects.toMatchObject({
			message: 'Vendor: still down (gave up after 5 attempts)',
		});
		expect(sent).toHaveLength(5);
		expect(waits).toEqual([3000, 500, 1000, 2000]);
	});

	test('a 429 is work the vendor refused, not a failure: it does not use up the 5 attempts (12 × 429, then created)', async () => {
		// Several n8n processes on one account (queue-mode workers) each keep their own rate gate, so 429s come in runs.
		const waits: number[] = [];
		const refused = tooMany(12, '1');
		const { ctx, sent } = context([...refused, { statusCode: 201, body: { id: 7 } }]);
		const response = await executeRequest(ctx, policy(waits), { method: 'POST', url: '/x' });
		expect(response.body).toEqual({ id: 7 });
		expect(sent).toHaveLength(13);
		expect(waits).toEqual(Array(12).fill(1000));
	});

	test('429s are tried again at most 20 times (chartmogul-node retries 20), and other failures still 5 times besides', async () => {
		const waits: number[] = [];
		const refused = tooMany(25, '1');
		const { ctx, sent } = context(refused);
		await expect(
			executeRequest(ctx, policy(waits), { method: 'GET', url: '/x' }),
		).rejects.toMatchObject({ message: 'Vendor: Too Many Requests (gave up after 21 attempts)' });
		expect(sent).toHaveLength(21);

		const mixed = context([
			{ statusCode: 429, headers: { 'retry-after': '0' }, body: {} },
			{ statusCode: 503, body: {} },
			{ statusCode: 429, headers: { 'retry-after': '0' }, body: {} },
			{ statusCode: 503, body: {} },
			{ statusCode: 503, body: {} },
			{ statusCode: 503, body: {} },
			{ statusCode: 503, body: { message: 'still down' } },
		]);
		await expect(
			executeRequest(mixed.ctx, policy([]), { method: 'GET', url: '/x' }),
		).rejects.toMatchObject({ message: 'Vendor: still down (gave up after 7 attempts)' });
		expect(mixed.sent).toHaveLength(7);
	});

	test("n8n's SSRF refusal is final: one attempt, no wait, the error names the settings that allow the host", async () => {
		const waits: number[] = [];
		// As n8n-core 2.41 throws it: a NodeApiError around @n8n/backend-network's SsrfBlockedIpError.
		const refusal = Object.assign(
			new Error('The request was blocked because it resolves to a restricted IP address'),
			{ name: 'SsrfBlockedIpError', ip: '192.168.1.20' },
		);
		const { ctx, sent } = context([
			Object.assign(new Error(refusal.message), { name: 'NodeApiError', cause: refusal }),
			{ statusCode: 200, body: {} },
		]);
		await expect(
			executeRequest(ctx, policy(waits), {
				method: 'GET',
				baseURL: 'https://acd.example.internal',
				url: '/x',
			}),
		).rejects.toMatchObject({
			message:
				"n8n's SSRF protection blocked the request to Vendor at acd.example.internal (192.168.1.20)",
			description: expect.stringContaining(
				'N8N_SSRF_ALLOWED_HOSTNAMES=acd.example.internal (by host name) or N8N_SSRF_ALLOWED_IP_RANGES=192.168.1.20/32',
			),
		});
		expect(sent).toHaveLength(1);
		expect(waits).toEqual([]);
	});

	test('a Retry-After longer than the wait budget ends the retries at once', async () => {
		const waits: number[] = [];
		const { ctx, sent } = context([
			{ statusCode: 429, headers: { 'retry-after': '3600' }, body: { message: 'slow down' } },
		]);
		await expect(
			executeRequest(ctx, policy(waits), { method: 'GET', url: '/x' }),
		).rejects.toMatchObject({
			message: 'Vendor: slow down',
		});
		expect(sent).toHaveLength(1);
		expect(waits).toEqual([]);
	});

	test('429 waits count towards the wait budget: Retry-After 25 s in a 90 s budget gives up at the fourth 429 (#26.10)', async () => {
		const waits: number[] = [];
		const refused = tooMany(21, '25');
		const { ctx, sent } = context(refused);
		await expect(
			executeRequest(ctx, policy(waits), { method: 'POST', url: '/x' }),
		).rejects.toMatchObject({ message: 'Vendor: Too Many Requests (gave up after 4 attempts)' });
		// 3 × 25 = 75 s of the 90 s budget; a fourth wait would make 100 s. Were 429 waits not counted: 21 attempts.
		expect(DEFAULT_RETRY.maxTotalWaitMs).toBe(90_000);
		expect(waits).toEqual([25_000, 25_000, 25_000]);
		expect(sent).toHaveLength(4);
	});

	test('the total wait is bounded', async () => {
		const waits: number[] = [];
		const steps = Array.from({ length: 5 }, () => ({ statusCode: 503, body: {} }));
		const { ctx, sent } = context(steps);
		const bounded = policy(waits, {
			retry: { wait: async (ms) => void waits.push(ms), random: () => 0, maxTotalWaitMs: 1600 },
		});
		await expect(executeRequest(ctx, bounded, { method: 'GET', url: '/x' })).rejects.toThrow(
			/gave up after 3 attempts/,
		);
		expect(sent).toHaveLength(3);
		expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1600);
	});

	test('a POST is not sent again after a reset, but is after a temporary DNS failure', async () => {
		const reset = context([networkFailure('ECONNRESET'), { statusCode: 201 }]);
		await expect(
			executeRequest(reset.ctx, policy([]), { method: 'POST', url: '/x' }),
		).rejects.toMatchObject({
			message: 'Could not reach Vendor: the connection was reset',
		});
		expect(reset.sent).toHaveLength(1);

		const again = context([networkFailure('EAI_AGAIN'), { statusCode: 201, body: { id: 1 } }]);
		const response = await executeRequest(again.ctx, policy([]), { method: 'POST', url: '/x' });
		expect(response.body).toEqual({ id: 1 });
		expect(again.sent).toHaveLength(2);
	});

	test('only a request that may have been stored is told it was not sent again (#26.7)', async () => {
		const duplicate = /not sent again to avoid a duplicate/;
		const attempt = async (method: 'GET' | 'PUT' | 'POST', code: string, times: number) => {
			const failing = context(Array.from({ length: times }, () => networkFailure(code)));
			const error = await failureOf(executeRequest(failing.ctx, policy([]), { method, url: '/x' }));
			return { error, sent: failing.sent.length };
		};
		// A GET or PUT that used its five attempts was sent again every time: no duplicate to avoid.
		for (const method of ['GET', 'PUT'] as const) {
			const { error, sent } = await attempt(method, 'ECONNRESET', 5);
			expect(sent).toBe(5);
			expect(error).toMatchObject({
				message: 'Could not reach Vendor (gave up after 5 attempts): the connection was reset',
			});
			expect(error.description).not.toMatch(duplicate);
			expect(error.description).toBe(
				'Check the network connection and that Vendor is reachable, then try again. (ECONNRESET)',
			);
		}
		// A POST that timed out may have been stored, and was not sent again because of that.
		const post = await attempt('POST', 'ETIMEDOUT', 1);
		expect(post.sent).toBe(1);
		expect(post.error.description).toMatch(/Vendor may have stored it\. It was not sent again/);
	});

	test('a timeout told by its message alone is ambiguous: a POST is not sent again, a GET is (#26.10)', async () => {
		const timedOut = () => new Error('timeout of 30000ms exceeded');
		const post = context([timedOut(), { statusCode: 201 }]);
		const error = await failureOf(
			executeRequest(post.ctx, policy([]), { method: 'POST', url: '/x' }),
		);
		expect(post.sent).toHaveLength(1);
		expect(error).toMatchObject({ message: 'Could not reach Vendor: the request timed out' });
		expect(error.description).toMatch(/may have stored it/);

		const get = context([timedOut(), { statusCode: 200, body: { ok: 1 } }]);
		await expect(
			executeRequest(get.ctx, policy([]), { method: 'GET', url: '/x' }),
		).resolves.toMatchObject({ body: { ok: 1 } });
		expect(get.sent).toHaveLength(2);
	});

	test('the code decides over the message: a refused connection whose text says "timeout" is not retried', async () => {
		const refused = Object.assign(new Error('connect timeout while refused'), {
			code: 'ECONNREFUSED',
		});
		const { ctx, sent } = context([refused, { statusCode: 200 }]);
		await expect(
			executeRequest(ctx, policy([]), { method: 'GET', url: 'https://api.vendor.test/x' }),
		).rejects.toMatchObject({ message: /nothing answers at this address/ });
		expect(sent).toHaveLength(1);
	});

	test.each([
		['ENOTFOUND', 'Could not reach Vendor api.vendor.test: the host name does not exist'],
		[
			'ECONNREFUSED',
			'Could not reach Vendor api.vendor.test: nothing answers at this address (connection refused)',
		],
	])(
		'%s: one attempt, no wait, and the error names the credential field',
		async (code, message) => {
			const waits: number[] = [];
			const { ctx, sent } = context([networkFailure(code), { statusCode: 200 }]);
			const withAddress = policy(waits, {
				address: 'Check "Server URL" in the Vendor credential.',
			});
			const error = await executeRequest(ctx, withAddress, {
				method: 'GET',
				url: 'https://api.vendor.test/x',
			}).catch((e: Error) => e);
			expect(error).toMatchObject({ message });
			expect((error as unknown as { description: string }).description).toBe(
				`Not retried, because retrying cannot fix an address. Check "Server URL" in the Vendor credential. (${code})`,
			);
			expect(sent).toHaveLength(1);
			expect(waits).toEqual([]);
		},
	);

	test('a PUT after a timeout is retried; a 502 on PATCH is not', async () => {
		const timeout = context([networkFailure('ETIMEDOUT'), { statusCode: 200 }]);
		await executeRequest(timeout.ctx, policy([]), { method: 'PUT', url: '/x' });
		expect(timeout.sent).toHaveLength(2);

		const gateway = context([{ statusCode: 502, body: 'Bad Gateway' }]);
		await expect(
			executeRequest(gateway.ctx, policy([]), { method: 'PATCH', url: '/x' }),
		).rejects.toMatchObject({
			message: 'Vendor: Bad Gateway',
		});
		expect(gateway.sent).toHaveLength(1);
	});

	test('errors never carry a secret, and say how to fix the credential', async () => {
		const secret = 'sk-very-secret-key';
		const { ctx } = context(
			[{ statusCode: 401, body: { message: `Invalid API key ${secret}` } }],
			secret,
		);
		const error = await executeRequest(ctx, policy([]), { method: 'GET', url: '/x' }).catch(
			(e: Error) => e,
		);
		expect(error).toMatchObject({ message: 'Vendor: Invalid API key [redacted]', httpCode: '401' });
		expect((error as unknown as { description: string }).description).toBe(
			'Vendor refused the credentials (HTTP 401). Check the key.',
		);
		expect(JSON.stringify(error)).not.toContain(secret);
	});

	test('other failures (e.g. a signing error) are passed on unchanged', async () => {
		const failure = new Error('Account name is invalid');
		const { ctx } = context([failure]);
		await expect(executeRequest(ctx, policy([]), { method: 'GET', url: '/x' })).rejects.toBe(
			failure,
		);
	});

	describe('deadline and stop', () => {
		/** A vendor that accepts the connection and never answers: every attempt runs into its timeout, on a fake clock. */
		function silentVendor(code: string) {
			const vendor = {
				clock: 0,
				timeouts: [] as number[],
				ctx: undefined as unknown as RequestContext,
			};
			vendor.ctx = {
				getNode: () => node,
				getCredentials: async () => ({ apiKey: 'k' }),
				helpers: {
					httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
						vendor.timeouts.push(options.timeout!);
						vendor.clock += options.timeout!;
						throw Object.assign(new Error(`timeout of ${options.timeout}ms exceeded`), { code });
					},
				},
			} as unknown as RequestContext;
			return vendor;
		}

		test('each attempt gets what is left of the item deadline; no retry starts past it, and the error says so', async () => {
			const vendor = silentVendor('ECONNABORTED');
			const { ctx, timeouts } = vendor;
			const waits: number[] = [];
			const withClock = policy([], {
				retry: {
					wait: async (ms) => void (waits.push(ms), (vendor.clock += ms)),
					random: () => 0,
					now: () => vendor.clock,
					deadlineMs: 180_000,
				},
			});
			// The node's Request Options set 60 s per request.
			const error = await executeRequest(ctx, withClock, {
				method: 'GET',
				url: '/x',
				timeout: 60_000,
			}).catch((e: Error) => e);
			expect(timeouts).toEqual([60_000, 60_000, 59_250]);
			expect(waits).toEqual([250, 500]);
			expect(vendor.clock).toBe(180_000);
			expect(error).toMatchObject({
				message:
					'Could not reach Vendor (gave up after 3 attempts: the 180 s allowed for one item are used up): the request timed out',
			});
		});

		test("without a timeout of its own a request gets n8n's 300 s cut to the deadline: a silent vendor holds a slot 180 s, not 25 min", async () => {
			const vendor = silentVendor('ETIMEDOUT');
			const { ctx, timeouts } = vendor;
			const error = await executeRequest(
				ctx,
				policy([], { retry: { wait: async () => {}, now: () => vendor.clock } }),
				{ method: 'GET', url: '/x' },
			).catch((e: Error) => e);
			expect(timeouts).toEqual([180_000]);
			expect(error).toMatchObject({
				message:
					'Could not reach Vendor (the 180 s allowed for one item are used up): the request timed out',
			});
		});

		test('stopping the execution ends a retry wait at once, and nothing more is sent', async () => {
			const controller = new AbortController();
			const { ctx, sent } = context(
				[{ statusCode: 503, body: {} }, { statusCode: 200 }],
				'sk-very-secret-key',
				controller.signal,
			);
			// A wait that would never end by itself (a long Retry-After).
			const stop = policy([], {
				retry: { wait: () => new Promise<void>(() => {}), random: () => 0 },
			});
			const pending = executeRequest(ctx, stop, { method: 'GET', url: '/x' }, 3);
			await sleep(0);
			expect(sent).toHaveLength(1);
			controller.abort();
			await expect(pending).rejects.toMatchObject({
				message: 'The execution was stopped while this item waited to be retried',
				context: { itemIndex: 3 },
			});
			expect(sent).toHaveLength(1);
			// The request carried n8n's signal, so one under way is cancelled too.
			expect(sent[0].abortSignal).toBe(controller.signal);
		});

		test('an item still queued when the execution is stopped is never sent', async () => {
			const controller = new AbortController();
			controller.abort();
			const { ctx, sent } = context([{ statusCode: 200 }], 'sk-very-secret-key', controller.signal);
			await expect(
				executeRequest(ctx, policy([]), { method: 'POST', url: '/x' }),
			).rejects.toMatchObject({
				message: 'The execution was stopped before this item was sent',
			});
			expect(sent).toHaveLength(0);
		});
	});

	describe('outage breaker (per node run)', () => {
		function runContext(steps: Step[], run: object) {
			const made = context(steps);
			(made.ctx as unknown as { getExecuteData: () => object }).getExecuteData = () => run;
			return made;
		}
		const post = { method: 'POST' as const, url: '/x' };

		test('after 3 items in a row failed on 5xx or no connection, the next items of the run are not sent', async () => {
			const run = {};
			const steps: Step[] = [
				{ statusCode: 500, body: {} },
				networkFailure('ECONNRESET'),
				{ statusCode: 502, body: {} },
				{ statusCode: 201 },
			];
			const { ctx, sent } = runContext(steps, run);
			for (let item = 0; item < 3; item++)
				await expect(executeRequest(ctx, policy([]), post, item)).rejects.toBeDefined();
			expect(sent).toHaveLength(3);
			const error = await executeRequest(ctx, policy([]), post, 3).catch(
				(e: Error & { description?: string }) => e,
			);
			expect(error).toMatchObject({
				message: 'Not sent: Vendor failed for 3 items in a row (server errors or no connection)',
				context: { itemIndex: 3 },
			});
			expect((error as { description?: string }).description).toMatch(
				/^This item was not sent, so running it again cannot create a duplicate\./,
			);
			// It repeats what stopped the run (the third failure: its message and fix), so the item says what to fix.
			expect((error as { description?: string }).description).toMatch(
				/ The item that stopped it: Vendor answered HTTP 502\b.*\. \S/,
			);
			expect(sent).toHaveLength(3);

			// Another run of the node (its own execute data) sends as usual.
			const other = runContext([{ statusCode: 201, body: { id: 9 } }], {});
			await expect(executeRequest(other.ctx, policy([]), post, 0)).resolves.toMatchObject({
				body: { id: 9 },
			});
		});

		test('a success or a 4xx in between resets the count; a 4xx is not an outage', async () => {
			const run = {};
			const { ctx, sent } = runContext(
				[
					{ statusCode: 500, body: {} },
					{ statusCode: 500, body: {} },
					{ statusCode: 422, body: {} },
					{ statusCode: 500, body: {} },
					{ statusCode: 500, body: {} },
					{ statusCode: 201 },
				],
				run,
			);
			for (let item = 0; item < 5; item++)
				await executeRequest(ctx, policy([]), post, item).catch(() => undefined);
			await expect(executeRequest(ctx, policy([]), post, 5)).resolves.toMatchObject({
				statusCode: 201,
			});
			expect(sent).toHaveLength(6);
		});
	});
});
