import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlOf } from '../nodes/Ticketmatic/baseUrl';
import { CREDENTIAL_HINT, authorizationHeader } from '../nodes/Ticketmatic/signing';
import { withAuthorization, withBaseUrl } from '../nodes/shared/authorization';

export class TicketmaticApi implements ICredentialType {
	name = 'ticketmaticApi';

	displayName = 'Ticketmatic API';

	icon = {
		light: 'file:../icons/ticketmatic.svg',
		dark: 'file:../icons/ticketmatic.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/contact-suite/n8n-nodes-contact-suite#ticketmatic';

	properties: INodeProperties[] = [
		{
			displayName: 'Account Name',
			name: 'accountName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. myaccount',
			hint: 'The account short name: in Ticketmatic, Settings → Account parameters. Letters, digits, "-" and "_" only.',
		},
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			required: true,
			default: '',
			hint: 'The public half of the API key pair. Ticketmatic support issues API keys (support@ticketmatic.com).',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			hint: 'The private half of the API key pair, issued together with the access key.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'apps.ticketmatic.com' },
				{ name: 'Test', value: 'test', description: 'test.ticketmatic.com' },
				{ name: 'QA', value: 'qa', description: 'qa.ticketmatic.com' },
			],
			default: 'production',
			hint: 'Production unless Ticketmatic gave you an account on its test or QA environment',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Request Signing (HMAC)',
					value: 'hmac',
					description:
						'Signs every request; the secret key is never sent. Recommended by Ticketmatic.',
				},
				{
					name: 'Basic Auth',
					value: 'basic',
					description: 'Sends the access key and secret key with every request',
				},
			],
			default: 'hmac',
		},
	];

	// A fresh Authorization header per request (the signature carries a timestamp); an invalid account name throws before anything is sent.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withAuthorization(
			withBaseUrl(requestOptions, baseUrlOf(credentials)),
			authorizationHeader(credentials),
		);
	}

	// GET /tools/account needs authentication and returns the account's id and name (tm-go ticketmatic/tools/operations.go Account).
	test: ICredentialTestRequest = {
		// `authenticate` sets the base URL.
		request: { url: '/tools/account' },
		rules: [{ type: 'responseCode', properties: { value: 401, message: CREDENTIAL_HINT } }],
	};
}
