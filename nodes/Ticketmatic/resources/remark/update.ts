import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { contactId, remarkId, remarkValues } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update remark',
	description: 'Change the content or pinning of a remark',
	routing: { request: { method: 'PUT', url: '/contacts/{contactId}/remarks/{remarkId}' } },
	fields: [
		...contactId,
		remarkId,
		fieldCollection('updateFields', [remarkValues.content, remarkValues.pinned]),
	],
};
