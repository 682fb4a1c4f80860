import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import type { Check } from '../../../shared/validators';
import { checkEmail, digits } from '../../../shared/validators';
import { campaignBaseUrlOf } from '../../baseUrl';
import { fieldCollection } from '../../../shared/description';
import { contactFields as createFields, contactId, contactObject, email } from '../contact/fields';

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

export const contactReference: INodeProperties[] = [
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

/**
 * The contact's fields, sent with the start: the campaign API takes a whole contact and overwrites the fields of
 * a contact it finds (Quentn help centre "Campaign API": "submitted fields will overwrite existing contact fields").
 */
export const contactFields: INodeProperties = {
	...fieldCollection('additionalFields', createFields),
	displayName: 'Contact Fields',
	name: 'contactFields',
	description: 'Fields of the contact to send with the start (new or changed values)',
};

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
 * preSend: the campaign API takes a contact object, `{ "id": 123 }` for an existing contact or `{ "mail": … }`,
 * with the Contact Fields beside it (the id or e-mail chosen above wins)
 * (Quentn help centre "Campaign API"; Pipedream components/quentn/actions/run-campaign-for-contact sends `{ mail }`).
 * The campaign API has its own base path. Bad values are reported by `checkCampaignContact` before sending.
 */
export async function campaignRequest(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fields = contactObject(
		this.getNodeParameter('contactFields', {}) as IDataObject,
		this.getTimezone(),
	);
	const contact =
		by(this) === 'email'
			? { mail: String(this.getNodeParameter('email', '')).trim() }
			: { id: Number(String(this.getNodeParameter('contactId', '')).trim()) };
	const body = { ...fields, ...contact };
	return { ...options, baseURL: await campaignBaseUrlOf(this), body };
}
