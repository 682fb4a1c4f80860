import type { Operation } from '../../../shared/description';
import { customerUuid } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: "Get a customer's tags and custom attributes",
	description: "Retrieve a customer's tags and custom attributes",
	routing: {
		// GET /v1/customers/{uuid}/attributes → { tags, custom, … } (dev.chartmogul.com "Retrieve Customer's Attributes").
		request: { method: 'GET', url: '/customers/{customerUuid}/attributes' },
	},
	fields: [...customerUuid],
};
