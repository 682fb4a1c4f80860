import type { Operation } from '../../../shared/description';
import { contactBatch } from './batch';
import { contactId, relationTypeIds } from './fields';

export const addRelationTypes: Operation = {
	name: 'Add Relation Types',
	value: 'addRelationTypes',
	action: 'Add relation types to contacts',
	description:
		'Give contacts relation types, up to 1000 contacts per request; each item gets its own result',
	fields: [...contactId, { ...relationTypeIds, required: true }],
	bulk: contactBatch('addrelationtypes'),
};
