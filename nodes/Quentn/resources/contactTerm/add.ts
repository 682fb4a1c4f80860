import type { Operation } from '../../../shared/description';
import { checkIdList } from '../../../shared/validators';
import { idListBody, quentn } from '../../transport';
import { contactId, termIds } from './fields';

export const add: Operation = {
	name: 'Add',
	value: 'add',
	action: 'Add terms to contact',
	description: 'Add terms to a contact; its other terms are kept',
	routing: {
		request: { method: 'PUT', url: '/contact/{contactId}/terms' },
		send: { preSend: [idListBody('termIds')] },
		operations: { pagination: quentn.sendChecked(checkIdList('termIds', 'Term IDs')) },
	},
	fields: [contactId, termIds],
};
