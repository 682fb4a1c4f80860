import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class ChartMogulApi implements ICredentialType {
	name = 'chartMogulApi';

	displayName = 'ChartMogul API';

	icon = {
		light: 'file:../icons/chartmogul.svg',
		dark: 'file:../icons/chartmogul.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/contact-suite/n8n-nodes-contact-suite#chartmogul';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			// Source: nango.dev/docs/api-integrations/chartmogul/connect
			hint: 'In ChartMogul: Settings → Your Account → API Keys → Add API Key. Choose "Read & Write" to create, update or delete.',
		},
	];

	/**
	 * ChartMogul: HTTP Basic with the API key as user name and an empty password (https://dev.chartmogul.com/reference/authentication).
	 * Code rather than a `{{$credentials.apiKey}}` expression: n8n evaluates that expression on every request.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			auth: { username: String(credentials.apiKey ?? ''), password: '' },
		};
	}

	// GET /ping → { "data": "pong!" }; a bad key → 401.
	test: ICredentialTestRequest = {
		request: { baseURL: 'https://api.chartmogul.com/v1', url: '/ping' },
	};
}
