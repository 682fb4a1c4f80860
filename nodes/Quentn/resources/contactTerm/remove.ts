import type { Operation } from '../../../shared/description';
import { checkIdList } from '../../../shared/validators';
import { idListBody, quentn } from '../../transport';
import { contactId, termIds } from './fields';

export const remove: Operation = {
	name: 'Remove',
	value: 'remove',
	action: 'Remove terms from contact',
	description: 'Remove terms from a contact; its other terms are kept',
	routing: {
		// Quentn takes the term ids as a JSON array in the body of the DELETE.
		request: { method: 'DELETE', url: '/contact/{contactId}/terms' },
		send: { preSend: [idListBody('termIds')] },
		operations: { pagination: quentn.sendChecked(checkIdList('termIds', 'Term IDs')) },
	},
	fields: [contactId, termIds],
};
