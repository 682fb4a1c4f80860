import type { Operation } from '../../../shared/description';
import { fieldCollection, sendBody } from '../../../shared/description';
import { flattenJsonApi, unwrap } from '../../../shared/output';
import { checkEmail } from '../../../shared/validators';
import { ticketSource } from '../../transport';
import { customerAttributes, customerId, names } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update customer',
	description: 'Change some fields of a customer; the others are kept',
	routing: {
		request: {
			method: 'PATCH',
			url: '/customers/{customerId}',
			body: { data: { type: 'customer' } },
		},
		operations: {
			pagination: ticketSource.sendChecked(
				checkEmail('updateFields.email', { optional: true, sentAs: 'data.attributes.email' }),
			),
		},
		output: { postReceive: [unwrap('data'), flattenJsonApi] },
	},
	fields: [
		// TicketSource: data.id must equal the id in the path (the locator's value, whatever its mode).
		...customerId.map((field) => ({
			...field,
			routing: sendBody('data.id', '={{ String($value).trim() }}'),
		})),
		fieldCollection('updateFields', [
			...customerAttributes,
			names.email,
			names.firstName,
			names.lastName,
		]),
	],
};
