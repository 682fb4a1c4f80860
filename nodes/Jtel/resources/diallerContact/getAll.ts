import type { Operation } from '../../../shared/description';
import { fieldCollection, fromVersion2, returnAllAndLimit } from '../../../shared/description';
import { simplify, simplifyParameter } from '../../../shared/output';
import { jtelList } from '../../transport';
import { campaignId } from '../diallerCampaign/fields';
import { SIMPLE_CONTACT } from './fields';

// jtel sends the whole list in one response (no paging): Limit only trims what was received.
const [returnAll, limit] = returnAllAndLimit();

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many dialler contacts',
	description: 'Retrieve the dialler contacts of a campaign or of the whole client account',
	routing: {
		request: { method: 'GET', url: '/dialler/contacts' },
		operations: { pagination: jtelList },
		output: { postReceive: [simplify(SIMPLE_CONTACT)] },
	},
	fields: [
		{
			...returnAll,
			hint: 'jtel always sends every matching contact in one response: a large campaign (or no campaign filter) returns a lot of data',
		},
		limit,
		fieldCollection('filters', [
			{
				...campaignId,
				required: false,
				description:
					'Only contacts of this dialler campaign. Without it, every contact of the client account.',
				routing: {
					send: {
						type: 'query',
						property: 'diallerCampaignsID',
						value: '={{ String($value).trim() }}',
					},
				},
			},
		]),
		...fromVersion2([simplifyParameter(SIMPLE_CONTACT)]),
	],
};
