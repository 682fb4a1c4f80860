import type { Operation } from '../../../shared/description';
import { chartMogul } from '../../transport';
import { checkTags, tagsBody } from './body';
import { customerUuid, tags } from './fields';

export const add: Operation = {
	name: 'Add',
	value: 'add',
	action: 'Add tags to customer',
	description: "Add tags to a customer; its other tags are kept. Outputs the customer's tags.",
	routing: {
		// chartmogul-node lib/chartmogul/tag.js: /v1/customers/{customerUuid}/attributes/tags.
		request: { method: 'POST', url: '/customers/{customerUuid}/attributes/tags' },
		send: { preSend: [tagsBody] },
		operations: { pagination: chartMogul.sendChecked(checkTags) },
	},
	fields: [...customerUuid, tags],
};
