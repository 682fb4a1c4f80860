import type { Operation } from '../../../shared/description';
import { checkIdList } from '../../../shared/validators';
import { idListBody, quentn } from '../../transport';
import { contactId, termIds } from './fields';

export const set: Operation = {
	name: 'Set',
	value: 'set',
	action: 'Set terms of contact',
	description: 'Replace all terms of a contact: terms not listed here are removed from it',
	routing: {
		// Quentn marks this POST as deprecated in favour of PUT (add); it overwrites the whole terms field.
		request: { method: 'POST', url: '/contact/{contactId}/terms' },
		send: { preSend: [idListBody('termIds')] },
		operations: { pagination: quentn.sendChecked(checkIdList('termIds', 'Term IDs')) },
	},
	fields: [
		contactId,
		{
			...termIds,
			description:
				'The complete list of terms the contact should have. Terms of the contact that are not listed here are REMOVED from it. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName:
				'This replaces all terms of the contact: any term not listed above is removed. Use "Add" to keep the others.',
			name: 'setWarning',
			type: 'notice',
			default: '',
		},
	],
};
