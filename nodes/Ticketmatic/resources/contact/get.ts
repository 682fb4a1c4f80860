import type { Operation } from '../../../shared/description';
import { contactId } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact',
	description: 'Retrieve a contact by ID',
	routing: { request: { method: 'GET', url: '/contacts/{contactId}' } },
	fields: [contactId],
};
