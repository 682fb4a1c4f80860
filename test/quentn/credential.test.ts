import type { IHttpRequestOptions } from 'n8n-workflow';

import { QuentnApi } from '../../credentials/QuentnApi.credentials';
import { runNode } from '../harness/engine';
import { fakeApi, nock, resetHttp } from '../harness/http';
import { API, API_KEY, HOST, credentials } from './fixtures';

afterEach(resetHttp);

const BAD_IDS = ['evil.example#', 'a.b', 'x/', 'x@y', '', '   ', 'a b', 'x.evil.example/'];

/** Every request that leaves the node, to any host: the fake Quentn's log plus anything nock did not match. */
function watchAllRequests() {
	const api = fakeApi(HOST);
	api.scope.get(`${API}/contact/1`).optionally().reply(200, { id: 1 });
	const strays: string[] = [];
	const onStray = (req: { hostname?: string; path?: string }) =>
		strays.push(`${req.hostname}${req.path}`);
	nock.emitter.on('no match', onStray);
	return { api, strays, stop: () => nock.emitter.removeListener('no match', onStray) };
}

describe('Quentn credential', () => {
	test.each(
		BAD_IDS.flatMap((bad) => [
			['systemId', bad],
			['serverId', bad],
		]),
	)('%s %j is refused, naming the field, and no request is made', async (field, bad) => {
		const watch = watchAllRequests();
		const { error, output } = await runNode({
			type: 'quentn',
			parameters: { resource: 'contact', operation: 'get', contactId: '1' },
			credentials: { quentnApi: { ...credentials.quentnApi, [field]: bad } },
		});
		watch.stop();
		expect(output).toEqual([]);
		expect(error?.message).toBe(
			`"${field === 'systemId' ? 'System ID' : 'Server ID'} (Quentn credential)" is not a valid host name part`,
		);
		expect(error?.description).toContain('letters, digits and hyphens');
		expect(watch.api.requests).toHaveLength(0);
		expect(watch.strays).toEqual([]);
	});

	test("a refused id under continue on fail is that item's error, paired, and nothing is sent", async () => {
		const watch = watchAllRequests();
		const { output, error } = await runNode({
			type: 'quentn',
			parameters: { resource: 'contact', operation: 'get', contactId: '1' },
			credentials: { quentnApi: { ...credentials.quentnApi, systemId: 'evil.example#' } },
			continueOnFail: true,
		});
		watch.stop();
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toBe(
			'"System ID (Quentn credential)" is not a valid host name part',
		);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(watch.api.requests).toHaveLength(0);
		expect(watch.strays).toEqual([]);
	});

	test('the bulk create refuses bad ids before sending', async () => {
		const watch = watchAllRequests();
		const { error } = await runNode({
			type: 'quentn',
			parameters: { resource: 'contact', operation: 'createMany', email: '={{ $json.mail }}' },
			credentials: { quentnApi: { ...credentials.quentnApi, serverId: 'x@y' } },
			items: [{ mail: 'a@example.com' }],
		});
		watch.stop();
		expect(error?.message).toBe('"Server ID (Quentn credential)" is not a valid host name part');
		expect(watch.api.requests).toHaveLength(0);
		expect(watch.strays).toEqual([]);
	});

	test('authenticate adds the Bearer key for the account host (the credential test request)', async () => {
		const credential = new QuentnApi();
		expect(credential.test.request).toMatchObject({ url: '/check-credentials' });
		const signed = await credential.authenticate(
			{ systemId: 'Acme', serverId: 's1', apiKey: API_KEY },
			{ baseURL: `${HOST}${API}`, url: '/check-credentials' },
		);
		expect(signed.headers).toEqual({ Authorization: `Bearer ${API_KEY}` });
	});

	test.each(BAD_IDS)(
		'authenticate (also used by the credential test) refuses system ID %j',
		async (bad) => {
			const credential = new QuentnApi();
			await expect(
				credential.authenticate(
					{ systemId: bad, serverId: 's1', apiKey: API_KEY },
					{ baseURL: `https://${bad}.s1.quentn.com${API}`, url: '/check-credentials' },
				),
			).rejects.toThrow('"System ID (Quentn credential)" is not a valid host name part');
		},
	);

	test("authenticate also reads the target from `uri`, as n8n's HTTP Request node sends it", async () => {
		const credential = new QuentnApi();
		const signed = await credential.authenticate(credentials.quentnApi, {
			uri: `https://acme.s1.quentn.com${API}/terms`,
			method: 'GET',
		} as unknown as IHttpRequestOptions);
		expect(signed.headers).toEqual({ Authorization: `Bearer ${credentials.quentnApi.apiKey}` });
		await expect(
			credential.authenticate(credentials.quentnApi, {
				uri: 'https://evil.example/steal',
			} as unknown as IHttpRequestOptions),
		).rejects.toThrow('does not go to your Quentn account');
	});

	test('authenticate never attaches the key to a request for another host', async () => {
		const credential = new QuentnApi();
		await expect(
			credential.authenticate(credentials.quentnApi, { url: 'https://evil.example/steal' }),
		).rejects.toThrow(
			'The request does not go to your Quentn account, so the API key was not sent',
		);
		await expect(
			credential.authenticate(credentials.quentnApi, {
				baseURL: `http://acme.s1.quentn.com${API}`,
				url: '/contact/1',
			}),
		).rejects.toThrow('does not go to your Quentn account');
	});
});
