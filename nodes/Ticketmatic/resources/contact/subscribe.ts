import type { Operation } from '../../../shared/description';
import { BULK_MAX } from '../../transport';
import { contactBatch } from './batch';
import { contactId } from './fields';

/** A mailing-tool change of many contacts: tm-go contacts.Batch `subscribe` ("using the mailing tool") or `unsubscribe`. */
function mailingChange(verb: 'subscribe' | 'unsubscribe', preposition: string): Operation {
	const name = verb === 'subscribe' ? 'Subscribe' : 'Unsubscribe';
	return {
		name,
		value: verb,
		action: `${name} contacts ${preposition} mailings`,
		description: `${name} contacts in Ticketmatic's mailing tool, up to ${BULK_MAX} per request; each item gets its own result`,
		fields: contactId.map((field) => ({
			...field,
			description: `The numeric ID of the contact to ${verb} (one per item; items are sent together)`,
		})),
		bulk: contactBatch(verb),
	};
}

/** Bulk. */
export const subscribe = mailingChange('subscribe', 'to');

/** Bulk. */
export const unsubscribe = mailingChange('unsubscribe', 'from');
