import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { relationTypeId } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete relation type',
	// tm-go settings/system/relationtypes Delete: relation types are archived, not removed.
	description:
		'Archive a relation type: Ticketmatic keeps it for history and leaves it out of lists and pickers',
	routing: {
		request: { method: 'DELETE', url: '/settings/system/relationtypes/{relationTypeId}' },
		output: { postReceive: [deleted] },
	},
	fields: relationTypeId,
};
