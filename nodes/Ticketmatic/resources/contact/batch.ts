import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sendBulk } from '../../../shared/bulk';
import { digits } from '../../../shared/validators';
import { BULK_MAX, baseUrl, ticketmatic } from '../../transport';
import { relationTypeIdList } from './fields';

interface Change {
	contactId: number;
	relationTypeIds: number[];
}

/**
 * POST /contacts/batch with `addrelationtypes` / `removerelationtypes`: items with the same relation types go
 * together, at most 1000 contact ids per request. Ticketmatic applies a batch WITHOUT ids to every contact in the
 * account (../shared/api/ticketmatic.md), so an item without a contact id fails on its own and is never sent.
 */
export function relationTypeBatch(operation: 'addrelationtypes' | 'removerelationtypes') {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const url = `${await baseUrl(this)}/contacts/batch`;
		const node = this.getNode();
		return await sendBulk<Change>(this, {
			noun: 'contacts',
			chunkSize: BULK_MAX,
			build: (itemIndex) => {
				const id = this.getNodeParameter('contactId', itemIndex, '') as string | number;
				if (String(id ?? '').trim() === '') {
					throw new NodeOperationError(node, '"Contact ID" is empty, so nothing was sent for this item', {
						itemIndex,
						description: 'Ticketmatic applies a batch without contact IDs to every contact in the account. Map the contact ID of each item.',
					});
				}
				const relationTypeIds = relationTypeIdList(this.getNodeParameter('relationTypeIds', itemIndex, []), {
					node,
					parameter: 'Relation Type Names or IDs',
					itemIndex,
				});
				if (!relationTypeIds.length) {
					throw new NodeOperationError(node, 'No relation type selected, so nothing was sent for this item', {
						itemIndex,
						description: 'Choose at least one relation type, or map their IDs with an expression.',
					});
				}
				return { contactId: Number(digits(id, { node, parameter: 'Contact ID', itemIndex })), relationTypeIds };
			},
			groupBy: (change) => change.relationTypeIds.join(','),
			send: async (chunk) => {
				const ids = chunk.map((entry) => entry.payload.contactId);
				const body = { ids, operation, parameters: { ids: chunk[0].payload.relationTypeIds } };
				await ticketmatic.request(this, { method: 'POST', url, body }, chunk[0].itemIndex);
				// Ticketmatic answers a batch without a body: each item's result is the change that was applied.
				return chunk.map(({ payload }) => ({ json: { contactId: payload.contactId, relationTypeIds: payload.relationTypeIds } }));
			},
		});
	};
}
