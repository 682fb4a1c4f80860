import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** The Hash Salt of a Quentn campaign's Webhook element: n8n checks each call's signature with it. */
export class QuentnWebhookApi implements ICredentialType {
	name = 'quentnWebhookApi';

	displayName = 'Quentn Webhook API';

	icon = { light: 'file:../icons/quentn.svg', dark: 'file:../icons/quentn.dark.svg' } as const;

	documentationUrl = 'https://github.com/contact-suite/n8n-nodes-contact-suite#triggers';

	properties: INodeProperties[] = [
		{
			displayName: 'Hash Salt',
			name: 'hashSalt',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			// help.quentn.com/hc/de/articles/15619204736401: the element's "Hash Salt" field, random unless set.
			hint: 'The Hash Salt of the Webhook element in your Quentn campaign (copy it from the element, or set your own there and here).',
		},
	];
}
