import type { Operation } from '../../../shared/description';
import { BULK_MAX } from '../../transport';
import { contactBatch } from './batch';
import { contactId } from './fields';

/** Bulk. tm-go contacts.Batch `unsubscribe`. */
export const unsubscribe: Operation = {
	name: 'Unsubscribe',
	value: 'unsubscribe',
	action: 'Unsubscribe contacts from mailings',
	description: `Unsubscribe contacts in Ticketmatic's mailing tool, up to ${BULK_MAX} per request; each item gets its own result`,
	fields: contactId.map((field) => ({
		...field,
		description:
			'The numeric ID of the contact to unsubscribe (one per item; items are sent together)',
	})),
	bulk: contactBatch('unsubscribe'),
};
