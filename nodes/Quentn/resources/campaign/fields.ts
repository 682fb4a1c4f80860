import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import type { Check } from '../../../shared/validators';
import { checkEmail, digits } from '../../../shared/validators';
import { campaignBaseUrlOf } from '../../transport';
import { contactId, email } from '../contact/fields';

export const campaignId: INodeProperties = {
	displayName: 'Campaign Element ID',
	name: 'campaignId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 42',
	description: "The ID of the campaign's API trigger element",
	hint: "In the campaign builder, open the API trigger element's settings: its API URL ends with /cb/&lt;this ID&gt;",
};

export const contactBy: INodeProperties = {
	displayName: 'Contact By',
	name: 'contactBy',
	type: 'options',
	noDataExpression: true,
	default: 'id',
	options: [
		{ name: 'ID', value: 'id', description: 'An existing contact, by its Quentn ID' },
		{
			name: 'Email',
			value: 'email',
			description: 'By email address: Quentn adds the contact if it has none with this address',
		},
	],
};

export const contactFields: INodeProperties[] = [
	{
		...contactId,
		description: 'The numeric ID of the contact to start the campaign for',
		displayOptions: { show: { contactBy: ['id'] } },
	},
	{
		...email,
		required: true,
		description:
			'The email address of the contact; Quentn looks for a duplicate and otherwise creates the contact',
		displayOptions: { show: { contactBy: ['email'] } },
	},
];

const by = (ctx: IExecuteSingleFunctions) => ctx.getNodeParameter('contactBy', 'id') as string;

/** Check: the chosen contact reference is a numeric id or a valid e-mail address. */
export const checkCampaignContact: Check = (ctx) => {
	if (by(ctx) === 'email') return checkEmail('email')(ctx);
	digits(ctx.getNodeParameter('contactId', ''), {
		node: ctx.getNode(),
		parameter: 'Contact ID',
		itemIndex: ctx.getItemIndex(),
	});
};

/**
 * preSend: the campaign API takes a contact object, `{ "id": 123 }` for an existing contact or `{ "mail": … }`
 * (Quentn help centre "Campaign API"; Pipedream components/quentn/actions/run-campaign-for-contact sends `{ mail }`).
 * The campaign API has its own base path. Bad values are reported by `checkCampaignContact` before sending.
 */
export async function campaignRequest(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body =
		by(this) === 'email'
			? { mail: String(this.getNodeParameter('email', '')).trim() }
			: { id: Number(String(this.getNodeParameter('contactId', '')).trim()) };
	return { ...options, baseURL: await campaignBaseUrlOf(this), body };
}
