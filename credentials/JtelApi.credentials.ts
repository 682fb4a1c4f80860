import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlOf } from '../nodes/Jtel/baseUrl';
import { bearer, withAuthorization, withBaseUrl } from '../nodes/shared/authorization';

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
			// Every request of this package, the credential test included, goes to the validated base.
			withBaseUrl(requestOptions, baseUrlOf(credentials)),
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
