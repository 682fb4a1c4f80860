import type { Operation } from '../../../shared/description';
import { quentn } from '../../transport';
import { campaignRequest, checkCampaignContact } from './body';
import { campaignId, contactBy, contactReference, startContactFields } from './fields';

export const start: Operation = {
	name: 'Start',
	value: 'start',
	action: 'Start campaign for contact',
	description: "Put a contact into a campaign through the campaign's API trigger element",
	routing: {
		// Quentn help centre "Campaign API": POST https://<system_id>.<server_id>.quentn.com/public/api/v1/cb/<cb_id> → { id }.
		request: { method: 'POST', url: '/cb/{campaignId}' },
		send: { preSend: [campaignRequest] },
		operations: { pagination: quentn.sendChecked(checkCampaignContact) },
	},
	fields: [campaignId, contactBy, ...contactReference, startContactFields],
};
