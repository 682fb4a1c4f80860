import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { checkEmail } from '../../../shared/validators';
import { chartMogul } from '../../transport';
import { optionalContactFields, contactUuid } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update contact',
	description: 'Change some fields of a contact; the others are kept',
	routing: {
		request: { method: 'PATCH', url: '/contacts/{contactUuid}' },
		operations: {
			pagination: chartMogul.sendChecked(
				checkEmail('updateFields.email', { optional: true, sentAs: 'email' }),
			),
		},
	},
	fields: [...contactUuid, fieldCollection('updateFields', optionalContactFields)],
};
