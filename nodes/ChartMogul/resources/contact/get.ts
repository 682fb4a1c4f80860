import type { Operation } from '../../../shared/description';
import { contactUuid } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact',
	description: 'Retrieve a contact by UUID',
	routing: { request: { method: 'GET', url: '/contacts/{contactUuid}' } },
	fields: [contactUuid],
};
