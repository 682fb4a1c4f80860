import type { IExecuteSingleFunctions, IHttpRequestOptions, IDataObject } from 'n8n-workflow';

import type { Check } from '../../../shared/validators';
import { checkEmail, digits } from '../../../shared/validators';
import { campaignBaseUrlOf } from '../../baseUrl';
import { contactObject } from '../contact/body';

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
