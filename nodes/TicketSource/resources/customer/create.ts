import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { flattenJsonApi, unwrap } from '../../../shared/output';
import { checkEmail } from '../../../shared/validators';
import { ticketSource } from '../../transport';
import { customerAttributes, names } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create customer',
	description: 'Create a customer record',
	routing: {
		request: { method: 'POST', url: '/customers', body: { data: { type: 'customer' } } },
		operations: {
			pagination: ticketSource.sendChecked(
				checkEmail('email', { sentAs: 'data.attributes.email' }),
			),
		},
		output: { postReceive: [unwrap('data'), flattenJsonApi] },
	},
	fields: [
		{ ...names.firstName, required: true },
		{ ...names.lastName, required: true },
		{ ...names.email, required: true },
		fieldCollection('additionalFields', customerAttributes),
	],
};
