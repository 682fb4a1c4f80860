import type { Operation } from '../../../shared/description';
import { fieldCollection, sendQuery } from '../../../shared/description';
import { errorIfNone, errorIfNotFound } from '../../../shared/output';
import { checkEmail } from '../../../shared/validators';
import { chartMogulLookup } from '../../transport';

export const getByEmail: Operation = {
	name: 'Get by Email',
	value: 'getByEmail',
	action: 'Get customers by email',
	description:
		'Find the customers with an email address, e.g. for the Customer UUID that contacts and notes need',
	routing: {
		// chartmogul-node lib/chartmogul/customer.js `search`: GET /v1/customers/search?email=, cursor-paged `entries`.
		request: {
			method: 'GET',
			url: '/customers/search',
			qs: { email: '={{ String($parameter.email).trim() }}' },
		},
		operations: { pagination: chartMogulLookup(checkEmail('email')) },
		output: { postReceive: [errorIfNone('ChartMogul customer')] },
	},
	fields: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. name@email.com',
			description:
				'The email address to look up. Every customer with it is returned (one per data source); none is no item.',
		},
		fieldCollection('options', [
			errorIfNotFound,
			{
				// GET /v1/customers/search?with_associated_emails=true (chartmogul/n8n-nodes-chartmogul resources/customer/list_by_email.ts).
				displayName: 'With Associated Emails',
				name: 'withAssociatedEmails',
				type: 'boolean',
				default: false,
				description:
					"Whether to also find customers that have the address as one of their contacts' emails, not only as their own",
				routing: sendQuery('with_associated_emails'),
			},
		]),
	],
};
