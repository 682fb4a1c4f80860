import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { bearer, withAuthorization } from '../nodes/shared/authorization';
import { credentialNode, digits, httpBaseUrl } from '../nodes/shared/validators';

const CREDENTIAL = credentialNode('jtelApi', 'jtel credential');

/**
 * The jtel REST base, `{server}/rest/v1.0/{ClientsID}` (jtel wiki "Dialler REST API" at wiki.jtel.de),
 * from validated values only: a server URL with a user, query or fragment, or a Clients ID such as `12/../3`,
 * would send the token somewhere else than the user meant.
 */
export function jtelBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const server = httpBaseUrl(credentials.serverUrl, { node: CREDENTIAL, parameter: 'Server URL' });
	const clientsId = digits(credentials.clientsId, { node: CREDENTIAL, parameter: 'Clients ID' });
	return `${server}/rest/v1.0/${clientsId}`;
}

export class JtelApi implements ICredentialType {
	name = 'jtelApi';

	displayName = 'Jtel API';

	icon = { light: 'file:../icons/jtel.svg', dark: 'file:../icons/jtel.dark.svg' } as const;

	documentationUrl = 'https://github.com/contact-suite/n8n-nodes-contact-suite#jtel-dialler';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://acd.example.com',
			hint: 'The address of your jtel server, without /rest/… (a port or path is fine). https is strongly recommended: with http the token travels unencrypted.',
		},
		{
			displayName: 'Clients ID',
			name: 'clientsId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1234',
			hint: 'The number of your jtel client account (ClientsID), digits only. Your jtel administrator or the jtel portal shows it.',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			hint: 'Generated in the jtel portal for the REST API user. Generating a new token invalidates the old one.',
		},
		{
			displayName: 'Ignore TLS Certificate Errors',
			name: 'ignoreTlsErrors',
			type: 'boolean',
			default: false,
			description:
				'Whether to accept a server certificate that cannot be verified (self-signed or expired). Only for an on-premises server you trust: anyone in between could read the token.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const options = withAuthorization(
			// Every request, the credential test included, goes to the validated base only.
			{ ...requestOptions, baseURL: jtelBaseUrl(credentials) },
			bearer(credentials.token),
		);
		// Off unless asked for here (n8n's own "Ignore SSL Issues" node option may still turn it on).
		if (credentials.ignoreTlsErrors === true) options.skipSslCertificateValidation = true;
		return options;
	}

	// The cheapest authenticated request (GET /dialler/campaigns, jtel wiki "Dialler REST API"); `authenticate` sets the base URL.
	test: ICredentialTestRequest = {
		request: { method: 'GET', url: '/dialler/campaigns' },
	};
}
