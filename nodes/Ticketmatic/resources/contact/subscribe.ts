import type { Operation } from '../../../shared/description';
import { BULK_MAX } from '../../transport';
import { contactBatch } from './batch';
import { contactId } from './fields';

/** Bulk. tm-go contacts.Batch `subscribe`: "using the mailing tool". */
export const subscribe: Operation = {
	name: 'Subscribe',
	value: 'subscribe',
	action: 'Subscribe contacts to mailings',
	description: `Subscribe contacts in Ticketmatic's mailing tool, up to ${BULK_MAX} per request; each item gets its own result`,
	fields: contactId.map((field) => ({
		...field,
		description:
			'The numeric ID of the contact to subscribe (one per item; items are sent together)',
	})),
	bulk: contactBatch('subscribe'),
};
