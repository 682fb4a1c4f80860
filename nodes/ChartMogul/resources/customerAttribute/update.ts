import type { Operation } from '../../../shared/description';
import { chartMogul } from '../../transport';
import { checkAttributes, customAttributesBody } from './body';
import { customerUuid, typedAttributes } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update custom attributes of customer',
	description:
		"Change the values of custom attributes a customer already has. Outputs the customer's custom attributes.",
	routing: {
		// chartmogul-ruby lib/chartmogul/customer.rb update_custom_attributes!: PUT { custom: { key: value } };
		// a value with its source is { value, source } (dev.chartmogul.com "Update Customer's Custom Attributes").
		request: { method: 'PUT', url: '/customers/{customerUuid}/attributes/custom' },
		send: { preSend: [customAttributesBody('update')] },
		operations: { pagination: chartMogul.sendChecked(checkAttributes('update')) },
	},
	fields: [...customerUuid, typedAttributes],
};
