import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bulkOperation } from '../../../shared/bulk';
import { digits } from '../../../shared/validators';
import { BULK_MAX, baseUrl, ticketmatic } from '../../transport';
import { relationTypeIdList } from './fields';

/** The operations of POST /contacts/batch this node offers (tm-go ticketmatic/contacts/operations.go `Batch`). */
export type BatchOperation =
	| 'addrelationtypes'
	| 'removerelationtypes'
	| 'subscribe'
	| 'unsubscribe';

interface Change {
	contactId: number;
	/** Only for addrelationtypes / removerelationtypes: the batch's `parameters.ids`. */
	relationTypeIds?: number[];
}

/** What each item outputs: the change that was applied (Ticketmatic answers a batch without a body). */
const RESULT: Record<BatchOperation, (change: Change) => IDataObject> = {
	addrelationtypes: ({ contactId, relationTypeIds }) => ({ contactId, relationTypeIds }),
	removerelationtypes: ({ contactId, relationTypeIds }) => ({ contactId, relationTypeIds }),
	subscribe: ({ contactId }) => ({ contactId, subscribed: true }),
	unsubscribe: ({ contactId }) => ({ contactId, subscribed: false }),
};

/**
 * POST /contacts/batch `{ ids, operation, parameters }`: at most 1000 contact ids per request, items with the
 * same relation types together. Ticketmatic applies a batch WITHOUT ids to every contact in the account
 * (tm-go contacts.Batch: "If you don't specify anything, the batch operation will be applied to all
 * contacts"), so an item without a contact id fails on its own and a request is only ever built from ids.
 */
export function contactBatch(operation: BatchOperation) {
	const withRelationTypes = operation === 'addrelationtypes' || operation === 'removerelationtypes';
	return bulkOperation<Change>(
		{ method: 'POST', url: '/contacts/batch' },
		async (ctx, parameter) => {
			const url = `${await baseUrl(ctx)}/contacts/batch`;
			const node = ctx.getNode();
			return {
				noun: 'contacts',
				chunkSize: BULK_MAX,
				inFlight: ticketmatic.policy.maxInFlight,
				build: (itemIndex) => {
					const id = parameter('contactId', itemIndex, '', { extractValue: true }) as
						| string
						| number;
					if (String(id ?? '').trim() === '') {
						throw new NodeOperationError(
							node,
							'"Contact ID" is empty, so nothing was sent for this item',
							{
								itemIndex,
								description:
									'Ticketmatic applies a batch without contact IDs to every contact in the account. Map the contact ID of each item.',
							},
						);
					}
					const contactId = Number(digits(id, { node, parameter: 'Contact ID', itemIndex }));
					if (!withRelationTypes) return { contactId };
					const relationTypeIds = relationTypeIdList(parameter('relationTypeIds', itemIndex, []), {
						node,
						parameter: 'Relation Type Names or IDs',
						itemIndex,
					});
					if (!relationTypeIds.length) {
						throw new NodeOperationError(
							node,
							'No relation type selected, so nothing was sent for this item',
							{
								itemIndex,
								description:
									'Choose at least one relation type, or map their IDs with an expression.',
							},
						);
					}
					return { contactId, relationTypeIds };
				},
				groupBy: (change) => (change.relationTypeIds ?? []).join(','),
				send: async (chunk) => {
					const ids = chunk.map((entry) => entry.payload.contactId);
					if (ids.length === 0) throw new Error('A batch without contact IDs is never sent'); // would touch every contact
					const parameters = withRelationTypes
						? { parameters: { ids: chunk[0].payload.relationTypeIds } }
						: {};
					await ticketmatic.request(
						ctx,
						{ method: 'POST', url, body: { ids, operation, ...parameters } },
						chunk[0].itemIndex,
					);
					return chunk.map(({ payload }) => ({ json: RESULT[operation](payload) }));
				},
			};
		},
	);
}
