import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { contactId, fieldsOption } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get contact',
	description: 'Retrieve a contact by ID',
	routing: {
		request: { method: 'GET', url: '/contact/{contactId}' },
	},
	fields: [contactId, fieldCollection('options', [fieldsOption])],
};
