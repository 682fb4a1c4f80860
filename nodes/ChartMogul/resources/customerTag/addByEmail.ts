import type { Operation } from '../../../shared/description';
import { sendBody } from '../../../shared/description';
import { emailField } from '../../../shared/fields';
import { unwrap } from '../../../shared/output';
import { checkEmail } from '../../../shared/validators';
import { chartMogul } from '../../transport';
import { checkTags, tagsBody } from './body';
import { tags } from './fields';

export const addByEmail: Operation = {
	name: 'Add by Email',
	value: 'addByEmail',
	action: 'Add tags to customers by email',
	description:
		'Add tags to every customer with an email address, e.g. straight from a form; their other tags are kept. Outputs each tagged customer.',
	routing: {
		// POST /v1/customers/attributes/tags { email, tags } → { entries: [customer, …] } (dev.chartmogul.com "Add Tags to
		// Customers by Email"; chartmogul-node test/chartmogul/enrichment/tag.js). No customer with the address: no item.
		request: { method: 'POST', url: '/customers/attributes/tags' },
		send: { preSend: [tagsBody] },
		operations: {
			pagination: chartMogul.lookup(checkEmail('email', { sentAs: 'email' }), checkTags),
		},
		output: { postReceive: [unwrap('entries')] },
	},
	fields: [
		emailField({
			required: true,
			description:
				'The email address of the customers to tag. Every customer with it gets the tags (one per data source); none is no item.',
			routing: sendBody('email', '={{ String($value).trim() }}'),
		}),
		tags,
	],
};
