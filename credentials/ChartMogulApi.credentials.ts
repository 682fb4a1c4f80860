import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlOf } from '../nodes/ChartMogul/baseUrl';
import { withBaseUrl } from '../nodes/shared/authorization';

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
			...withBaseUrl(requestOptions, baseUrlOf(credentials)),
			auth: { username: String(credentials.apiKey ?? ''), password: '' },
		};
	}

	// GET /ping → { "data": "pong!" }; a bad key → 401. `authenticate` sets the base URL.
	test: ICredentialTestRequest = {
		request: { url: '/ping' },
	};
}
