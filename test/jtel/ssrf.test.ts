/**
 * n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED=true) refuses private and loopback addresses, which is where an
 * on-premises jtel server lives: the node's error then names the settings that allow the server. Here with
 * n8n-core's own protection (its @n8n/config SsrfProtectionConfig); n8n-core 2.8 has none.
 */
import { runNode, ssrfProtection } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import { BASE_PATH, CLIENTS_ID, TOKEN, campaign, list } from './fixtures';

afterEach(resetHttp);

const PRIVATE_SERVER = 'https://10.20.30.40';

test("jtel on a private address with n8n-core's SSRF protection on: refused before sending, the error names N8N_SSRF_ALLOWED_HOSTNAMES / N8N_SSRF_ALLOWED_IP_RANGES (n8n-core 2.8, without the protection, sends it)", async () => {
	const settings = ssrfProtection();
	const api = fakeApi(PRIVATE_SERVER);
	api.scope
		.get(`${BASE_PATH}/dialler/campaigns`)
		.query(true)
		.reply(200, list([campaign(538, 'Spring calls')]));
	if (settings) settings.enabled = true;
	try {
		const { error, output } = await runNode({
			type: 'jtel',
			parameters: { resource: 'diallerCampaign', operation: 'getAll', returnAll: true },
			credentials: { jtelApi: { serverUrl: PRIVATE_SERVER, clientsId: CLIENTS_ID, token: TOKEN } },
		});
		if (!settings) {
			expect(error).toBeUndefined();
			expect(api.requests).toHaveLength(1);
			return;
		}
		expect(output).toEqual([]);
		expect(api.requests).toHaveLength(0);
		expect(error?.message).toBe("n8n's SSRF protection blocked the request to jtel at 10.20.30.40");
		// The Server URL is an IP address, which N8N_SSRF_ALLOWED_HOSTNAMES cannot allow: only the address range is offered.
		expect(error?.description).toContain('set N8N_SSRF_ALLOWED_IP_RANGES=10.20.30.40/32');
		expect(error?.description).toContain('N8N_SSRF_ALLOWED_HOSTNAMES allows host names only');
	} finally {
		if (settings) settings.enabled = false;
	}
});
