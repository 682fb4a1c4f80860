import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { checkEmail } from '../../../shared/validators';
import { chartMogul } from '../../transport';
import { contactDataSource, optionalContactFields, customerUuid } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create contact',
	description: 'Add a contact to a customer',
	routing: {
		// ChartMogul's "Add a Contact to Customer" call (dev.chartmogul.com API reference): the customer in the path, so an empty
		// Customer UUID is refused before anything is sent.
		request: { method: 'POST', url: '/customers/{customerUuid}/contacts' },
		operations: {
			pagination: chartMogul.sendChecked(
				checkEmail('additionalFields.email', { optional: true, sentAs: 'email' }),
			),
		},
	},
	fields: [
		...customerUuid,
		contactDataSource,
		fieldCollection('additionalFields', optionalContactFields),
	],
};
