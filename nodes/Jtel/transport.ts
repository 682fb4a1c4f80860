import { singlePage } from '../shared/paginators';
import { createTransport } from '../shared/transport';
import { baseUrlOf } from './baseUrl';

export const jtel = createTransport({
	vendor: 'jtel',
	credentialType: 'jtelApi',
	baseUrl: baseUrlOf,
	credentials:
		'Check the jtel credential: the token (generated in the jtel portal; generating a new one invalidates the old) and the Clients ID. jtel answers 401 for either.',
	// jtel runs on the customer's own server and publishes no rate limit: a few requests at a time.
	maxInFlight: 5,
	secretFields: ['token'],
	certificate:
		'If your jtel server uses a self-signed or company-internal certificate, turn on "Ignore TLS Certificate Errors" in the jtel credential (better: give the server a certificate from a public authority). If not, check the Server URL: the certificate must be for that host name.',
	address:
		'Check "Server URL" in the jtel credential: the address of your jtel server as you open it in the browser, for example https://acd.example.com.',
	// jtel IDs are integers (jtel wiki "Dialler REST API - Dialler Contact Functions": "DiallerCampaignsID": 538; records carry a numeric ID).
	pathValues: { default: 'digits' },
});

/** jtel lists have no paging: every record comes at once in `records`, and the Limit is applied here. */
export const jtelList = jtel.list(singlePage('records'));
