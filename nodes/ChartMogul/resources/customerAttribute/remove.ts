import type { Operation } from '../../../shared/description';
import { chartMogul } from '../../transport';
import { checkAttributes, customAttributesBody } from './body';
import { attributeKeys, customerUuid } from './fields';

export const remove: Operation = {
	name: 'Remove',
	value: 'remove',
	action: 'Remove custom attributes from customer',
	description:
		"Take custom attributes off a customer by key. Outputs the customer's remaining custom attributes.",
	routing: {
		// chartmogul-ruby lib/chartmogul/customer.rb remove_custom_attributes!: DELETE with a JSON body { custom: [keys] }.
		request: { method: 'DELETE', url: '/customers/{customerUuid}/attributes/custom' },
		send: { preSend: [customAttributesBody('remove')] },
		operations: { pagination: chartMogul.sendChecked(checkAttributes('remove')) },
	},
	fields: [...customerUuid, attributeKeys],
};
