import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { termId } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete term',
	description: 'Delete a term',
	routing: {
		// Path by analogy with the other calls of Quentn's "Terms API" help page: unverified.
		request: { method: 'DELETE', url: '/terms/{termId}' },
		output: { postReceive: [deleted] },
	},
	fields: termId,
};
