import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import type { Complete } from '../../../shared/transport';
import { ticketmatic } from '../../transport';
import { relationTypeId, relationTypeValues } from './fields';

/**
 * Ticketmatic requires `name` and `parentid` in every update, and tm-go (settings/system/relationtypes Update)
 * always sends both: the type is read first (GET the same path) and the fields not changed are sent as they are,
 * `parentid` 0 for a type at the top level.
 */
const withCurrentValues: Complete = async (ctx, request, lookup) => {
	const current = (await lookup(String(request.url))) as IDataObject | undefined;
	if (!current || typeof current !== 'object') {
		const id = String(ctx.getNodeParameter('relationTypeId', '', { extractValue: true })).trim();
		throw new NodeOperationError(ctx.getNode(), `Ticketmatic has no relation type ${id}`, {
			itemIndex: ctx.getItemIndex(),
			description: 'Nothing was changed. Pick the relation type from the list, or check its ID.',
		});
	}
	return {
		...request,
		body: {
			name: current.name,
			parentid: Number(current.parentid) || 0,
			...((request.body ?? {}) as IDataObject),
		},
	};
};

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update relation type',
	description: 'Rename a relation type or move it under another one',
	routing: {
		request: { method: 'PUT', url: '/settings/system/relationtypes/{relationTypeId}' },
		operations: { pagination: ticketmatic.readFirst(withCurrentValues) },
	},
	fields: [
		...relationTypeId,
		fieldCollection('updateFields', [relationTypeValues.name, relationTypeValues.parentId]),
	],
};
