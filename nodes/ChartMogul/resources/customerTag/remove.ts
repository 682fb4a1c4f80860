import type { Operation } from '../../../shared/description';
import { chartMogul } from '../../transport';
import { checkTags, tagsBody } from './body';
import { customerUuid, tags } from './fields';

export const remove: Operation = {
	name: 'Remove',
	value: 'remove',
	action: 'Remove tags from customer',
	description:
		"Take tags off a customer; its other tags are kept. Outputs the customer's remaining tags.",
	routing: {
		// chartmogul-node lib/chartmogul/tag.js: DELETE with a JSON body `{ tags }`.
		request: { method: 'DELETE', url: '/customers/{customerUuid}/attributes/tags' },
		send: { preSend: [tagsBody] },
		operations: { pagination: chartMogul.sendChecked(checkTags) },
	},
	fields: [...customerUuid, tags],
};
