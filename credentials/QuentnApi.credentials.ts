import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlOf } from '../nodes/Quentn/baseUrl';
import { assertQuentnTarget, quentnHost } from '../nodes/Quentn/host';
import { bearer, withAuthorization, withBaseUrl } from '../nodes/shared/authorization';

export class QuentnApi implements ICredentialType {
	name = 'quentnApi';

	displayName = 'Quentn API';

	icon = { light: 'file:../icons/quentn.svg', dark: 'file:../icons/quentn.dark.svg' } as const;

	documentationUrl = 'https://github.com/contact-suite/n8n-nodes-contact-suite#quentn';

	properties: INodeProperties[] = [
		{
			displayName: 'System ID',
			name: 'systemId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. abc123',
			hint: 'The first part of your Quentn login address: https://&lt;System ID&gt;.&lt;Server ID&gt;.quentn.com',
		},
		{
			displayName: 'Server ID',
			name: 'serverId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. xy1',
			hint: 'The second part of your Quentn login address: https://&lt;System ID&gt;.&lt;Server ID&gt;.quentn.com',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			// help.quentn.com "Requests": "You can find your systems API Key in your Account Settings."
			hint: "In Quentn: your system's Account Settings show its API key.",
		},
	];

	/**
	 * Checks both ids before anything is sent (they become part of the host name that receives the key), then
	 * attaches the key only to a request for the account's own host.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const host = quentnHost(credentials);
		const options = withBaseUrl(requestOptions, baseUrlOf(credentials));
		const { uri } = options as { uri?: string };
		assertQuentnTarget(options.url ?? uri, options.baseURL, host);
		return withAuthorization(options, bearer(credentials.apiKey));
	}

	test: ICredentialTestRequest = {
		// `authenticate` sets the base URL.
		request: { url: '/check-credentials' },
	};
}
