import type { Operation } from '../../../shared/description';
import { chartMogul } from '../../transport';
import { checkAttributes, customAttributesBody } from './body';
import { customerUuid, typedAttributes } from './fields';

export const add: Operation = {
	name: 'Add',
	value: 'add',
	action: 'Add custom attributes to customer',
	description:
		"Add custom attributes (type, key, value) to a customer. Outputs the customer's custom attributes.",
	routing: {
		// chartmogul-ruby lib/chartmogul/customer.rb add_custom_attributes!: POST { custom: [{ type, key, value, source }] }.
		request: { method: 'POST', url: '/customers/{customerUuid}/attributes/custom' },
		send: { preSend: [customAttributesBody('add')] },
		operations: { pagination: chartMogul.sendChecked(checkAttributes('add')) },
	},
	fields: [...customerUuid, typedAttributes],
};
