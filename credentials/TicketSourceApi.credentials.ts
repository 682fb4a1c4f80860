import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlOf } from '../nodes/TicketSource/baseUrl';
import { bearer, withAuthorization, withBaseUrl } from '../nodes/shared/authorization';

export class TicketSourceApi implements ICredentialType {
	name = 'ticketSourceApi';

	displayName = 'TicketSource API';

	icon = {
		light: 'file:../icons/ticketsource.svg',
		dark: 'file:../icons/ticketsource.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/contact-suite/n8n-nodes-contact-suite#ticketsource';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. skl-…',
			hint: 'In TicketSource: Settings → API. Use the secret key, which starts with "skl-".',
		},
	];

	/**
	 * `Authorization: Bearer <secret key>` (https://ticketsource.io/working-with-customers). Code rather than a
	 * `{{$credentials.apiKey}}` expression: n8n evaluates that expression on every request.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withAuthorization(
			withBaseUrl(requestOptions, baseUrlOf(credentials)),
			bearer(credentials.apiKey),
		);
	}

	// No ping endpoint is documented: the cheapest authenticated call is one customer. `authenticate` sets the base URL.
	test: ICredentialTestRequest = {
		request: { url: '/customers', qs: { per_page: 1 } },
	};
}
