import type { Operation } from '../../../shared/description';
import { unwrap } from '../../../shared/output';
import { contactId } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a dialler contact',
	description: 'Retrieve a dialler contact by ID',
	routing: {
		request: { method: 'GET', url: '/dialler/contacts/{contactId}' },
		output: { postReceive: [unwrap('records')] },
	},
	fields: [contactId],
};
