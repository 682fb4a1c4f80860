import type { Operation } from '../../../shared/description';
import { BULK_MAX } from '../../transport';
import { contactBatch } from './batch';
import { contactId } from './fields';

/** Bulk. tm-go contacts.Batch `delete` (that it archives, as DELETE /contacts/{id} does, is unverified). */
export const deleteMany: Operation = {
	name: 'Delete Many',
	value: 'deleteMany',
	action: 'Delete many contacts',
	description: `Archive many contacts at once, up to ${BULK_MAX} per request; each item gets its own result`,
	// The contact field as every contact operation has it: one definition, evaluated once per item.
	fields: contactId,
	bulk: contactBatch('delete'),
};
