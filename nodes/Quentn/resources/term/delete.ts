import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { quentn } from '../../transport';
import { termById } from './byId';
import { termId } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete term',
	description: 'Delete a term',
	routing: {
		// Path by analogy with the other calls of Quentn's "Terms API" help page: unverified.
		request: { method: 'DELETE', url: '/terms/{termId}' },
		operations: { pagination: quentn.readFirst(termById) },
		output: { postReceive: [deleted] },
	},
	fields: termId,
};
