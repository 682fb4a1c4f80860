import type { IHttpRequestOptions } from 'n8n-workflow';

import { JtelApi } from '../../credentials/JtelApi.credentials';
import { runNode } from '../harness/engine';
import { fakeApi, nock, resetHttp } from '../harness/http';
import { CLIENTS_ID, TOKEN, campaign, list, one } from './fixtures';

afterEach(resetHttp);

const getCampaign = (serverUrl: string, clientsId = CLIENTS_ID) =>
	runNode({
		type: 'jtel',
		parameters: {
			resource: 'diallerCampaign',
			operation: 'get',
			campaignId: { __rl: true, mode: 'id', value: '538' },
		},
		credentials: { jtelApi: { serverUrl, clientsId, token: TOKEN } },
	});

describe('jtel credential', () => {
	test.each([
		['ftp://x', 'the scheme "ftp" is not http or https'],
		['https://u:p@host', 'it contains a user name or password'],
		['https://host/#x', 'it contains a fragment'],
		['not a url', 'it is not a URL'],
		['acd.example.com', 'it has no scheme: add https:// in front (https://acd.example.com)'],
		[
			'acd.example.com:8443/jtel',
			'it has no scheme: add https:// in front (https://acd.example.com:8443/jtel)',
		],
	])('Server URL %s is refused before any request', async (serverUrl, reason) => {
		// Any request at all (to any host) would be recorded or fail the test.
		const seen: string[] = [];
		nock.disableNetConnect();
		nock.emitter.on('no match', (req: { path?: string }) => seen.push(String(req.path)));

		const { error, output } = await getCampaign(serverUrl);

		nock.emitter.removeAllListeners('no match');
		expect(seen).toEqual([]);
		expect(output).toEqual([]);
		expect(error?.message).toContain('"Server URL" is not a valid server URL');
		expect(error?.message).toContain(reason);
	});

	test('Clients ID 12/../3 is refused before any request', async () => {
		const api = fakeApi('https://acd.example.com');
		api.scope.get(/.*/).reply(200, list([]));

		const { error } = await getCampaign('https://acd.example.com', '12/../3');

		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe('"Clients ID" must be a number made of digits only');
	});

	test('http, a port, a path and a trailing slash are accepted: {server}/rest/v1.0/{ClientsID}', async () => {
		const api = fakeApi('http://acd.internal:8080');
		api.scope
			.get(`/jtel/rest/v1.0/${CLIENTS_ID}/dialler/campaigns/538`)
			.reply(200, one(campaign(538, 'A')));

		const { error, output } = await getCampaign(
			'http://acd.internal:8080/jtel/',
			` ${CLIENTS_ID} `,
		);

		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(output).toHaveLength(1);
	});

	test('the credential test is GET /dialler/campaigns on the validated base, with the token', async () => {
		const credential = new JtelApi();
		const request = await credential.authenticate(
			{ serverUrl: 'https://acd.example.com/', clientsId: '77', token: TOKEN },
			credential.test.request as IHttpRequestOptions,
		);
		expect(request).toMatchObject({
			method: 'GET',
			baseURL: 'https://acd.example.com/rest/v1.0/77',
			url: '/dialler/campaigns',
			headers: { Authorization: `Bearer ${TOKEN}` },
		});
		expect(request.skipSslCertificateValidation).toBeUndefined();
		await expect(
			credential.authenticate(
				{ serverUrl: 'https://u:p@acd.example.com', clientsId: '77', token: TOKEN },
				{ url: '/dialler/campaigns' },
			),
		).rejects.toThrow('"Server URL" is not a valid server URL');
	});

	test('"Ignore TLS certificate errors" is off unless turned on', async () => {
		const credential = new JtelApi();
		expect(credential.properties.find((p) => p.name === 'ignoreTlsErrors')?.default).toBe(false);
		const on = await credential.authenticate(
			{
				serverUrl: 'https://acd.example.com',
				clientsId: '77',
				token: TOKEN,
				ignoreTlsErrors: true,
			},
			{ url: '/dialler/campaigns' },
		);
		expect(on.skipSslCertificateValidation).toBe(true);
	});
});
