import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { checkEmail } from '../../../shared/validators';
import { quentn } from '../../transport';
import {
	checkDateOfBirth,
	contactId,
	contactUpdateFields,
	updateBody,
	updateOptions,
} from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update contact',
	description: 'Change some fields of a contact; the others are kept',
	routing: {
		request: { method: 'PUT', url: '/contact/{contactId}' },
		send: { preSend: [updateBody] },
		operations: {
			pagination: quentn.sendChecked(
				checkEmail('updateFields.mail', true),
				checkDateOfBirth('date_of_birth'),
			),
		},
	},
	fields: [
		contactId,
		fieldCollection('updateFields', contactUpdateFields),
		fieldCollection('options', updateOptions),
	],
};
