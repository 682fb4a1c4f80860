import type { Operation } from '../../../shared/description';
import { contactBatch } from './batch';
import { contactId, relationTypeIds } from './fields';

export const removeRelationTypes: Operation = {
	name: 'Remove Relation Types',
	value: 'removeRelationTypes',
	action: 'Remove relation types from contacts',
	description:
		'Take relation types off contacts, up to 1000 contacts per request; each item gets its own result',
	fields: [...contactId, { ...relationTypeIds, required: true }],
	bulk: contactBatch('removerelationtypes'),
};
