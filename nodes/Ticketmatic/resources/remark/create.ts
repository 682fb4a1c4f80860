import type { Operation } from '../../../shared/description';
import { contactId, remarkValues } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create remark',
	description: 'Add a remark to a contact',
	routing: { request: { method: 'POST', url: '/contacts/{contactId}/remarks' } },
	fields: [...contactId, { ...remarkValues.content, required: true }, remarkValues.pinned],
};
