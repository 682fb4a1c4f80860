import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialNode, digits, httpBaseUrl } from '../shared/validators';

const CREDENTIAL = credentialNode('jtelApi', 'jtel credential');

/**
 * The jtel REST base, `{server}/rest/v1.0/{ClientsID}` (jtel wiki "Dialler REST API" at wiki.jtel.de),
 * from validated values only: a server URL with a user, query or fragment, or a Clients ID such as `12/../3`,
 * would send the token somewhere else than the user meant.
 */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const server = httpBaseUrl(credentials.serverUrl, { node: CREDENTIAL, parameter: 'Server URL' });
	const clientsId = digits(credentials.clientsId, { node: CREDENTIAL, parameter: 'Clients ID' });
	return `${server}/rest/v1.0/${clientsId}`;
}
