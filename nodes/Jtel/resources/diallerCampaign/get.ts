import type { Operation } from '../../../shared/description';
import { unwrap } from '../../../shared/output';
import { campaignId } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get dialler campaign',
	description: 'Retrieve a dialler campaign by ID',
	routing: {
		request: { method: 'GET', url: '/dialler/campaigns/{campaignId}' },
		output: { postReceive: [unwrap('records')] },
	},
	fields: [campaignId],
};
