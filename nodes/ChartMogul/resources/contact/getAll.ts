import type { Operation } from '../../../shared/description';
import {
	fieldCollection,
	fromVersion2,
	returnAllAndLimit,
	sendQuery,
} from '../../../shared/description';
import { emailField } from '../../../shared/fields';
import { simplify, simplifyParameter } from '../../../shared/output';
import { chartMogulList } from '../../transport';
import { dataSourceUuid, SIMPLE_CONTACT } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many contacts',
	description: 'List contacts, optionally filtered by customer, data source or email',
	routing: {
		request: { method: 'GET', url: '/contacts' },
		operations: { pagination: chartMogulList },
		output: { postReceive: [simplify(SIMPLE_CONTACT)] },
	},
	fields: [
		...returnAllAndLimit(),
		fieldCollection('filters', [
			{
				displayName: 'Customer External ID',
				name: 'customerExternalId',
				type: 'string',
				default: '',
				description:
					'Only contacts of the customer with this external ID (the ID in your billing system)',
				routing: sendQuery('customer_external_id'),
			},
			{
				displayName: 'Customer UUID',
				name: 'customerUuid',
				type: 'string',
				default: '',
				placeholder: 'e.g. cus_…',
				description: 'Only contacts of this customer',
				routing: sendQuery('customer_uuid'),
			},
			{
				...dataSourceUuid,
				description: 'Only contacts in this data source',
				routing: sendQuery('data_source_uuid'),
			},
			emailField({
				description: 'Only contacts with this email address',
				routing: sendQuery('email'),
			}),
		]),
		...fromVersion2([simplifyParameter(SIMPLE_CONTACT)]),
	],
};
