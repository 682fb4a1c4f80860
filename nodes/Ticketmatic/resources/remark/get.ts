import type { Operation } from '../../../shared/description';
import { contactId, remarkId } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get remark',
	description: 'Retrieve a remark of a contact',
	routing: { request: { method: 'GET', url: '/contacts/{contactId}/remarks/{remarkId}' } },
	fields: [...contactId, remarkId],
};
