import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bulkOperation } from '../../../shared/bulk';
import type { ValueSource } from '../../../shared/validators';
import { digits } from '../../../shared/validators';
import { BULK_MAX, ticketmatic } from '../../transport';
import { relationTypeIdList } from './body';

/** The operations of POST /contacts/batch this node offers (tm-go ticketmatic/contacts/operations.go `Batch`, types.go `BatchContactOperation`). */
export type BatchOperation =
	| 'addrelationtypes'
	| 'removerelationtypes'
	| 'subscribe'
	| 'unsubscribe'
	| 'update'
	| 'delete'
	| 'merge';

/** One input item's part of a batch: the contacts it names, the batch's `parameters`, what the item outputs. */
export interface BatchChange {
	contactIds: number[];
	/** The batch's `parameters` (tm-go types.go `BatchContactParameters`); items with equal parameters share requests. */
	parameters?: IDataObject;
	/** The item's output (Ticketmatic answers a batch without a body): the change that was applied. */
	output: IDataObject;
}

/** One item's parameters and where a bad value is reported. */
export interface BatchItem {
	read(name: string, fallback?: unknown, options?: { extractValue?: boolean }): unknown;
	node: INode;
	itemIndex: number;
}

/** Builds one item's change; throws a NodeOperationError naming the field, and nothing is sent for that item. */
export type BuildChange = (item: BatchItem) => BatchChange;

/** "Not sent: …", for an item refused before any request: it fails on its own, the others go on. */
export function notSent(item: BatchItem, message: string, description: string): never {
	throw new NodeOperationError(item.node, `Not sent: ${message}`, {
		itemIndex: item.itemIndex,
		description,
	});
}

/** Where a bad value of the item is reported: the field's label, the item. */
export const at = (item: BatchItem, parameter: string): ValueSource => ({
	node: item.node,
	parameter,
	itemIndex: item.itemIndex,
});

/** A contact ID of a batch item: never empty (a batch without IDs touches every contact), digits, as a number. */
export function batchContactId(item: BatchItem, name: string, label: string): number {
	const id = item.read(name, '', { extractValue: true }) as string | number | undefined;
	if (String(id ?? '').trim() === '') {
		throw new NodeOperationError(
			item.node,
			`"${label}" is empty, so nothing was sent for this item`,
			{
				itemIndex: item.itemIndex,
				description:
					'Ticketmatic applies a batch without contact IDs to every contact in the account. Map the contact ID of each item.',
			},
		);
	}
	return Number(digits(id, at(item, label)));
}

/** The contact ID of the item, for the operations that take one contact per item. */
const oneContact = (item: BatchItem) => batchContactId(item, 'contactId', 'Contact ID');

const relationTypes: BuildChange = (item) => {
	const contactId = oneContact(item);
	const relationTypeIds = relationTypeIdList(
		item.read('relationTypeIds', []),
		at(item, 'Relation Type Names or IDs'),
	);
	if (!relationTypeIds.length) {
		throw new NodeOperationError(
			item.node,
			'No relation type selected, so nothing was sent for this item',
			{
				itemIndex: item.itemIndex,
				description: 'Choose at least one relation type, or map their IDs with an expression.',
			},
		);
	}
	return {
		contactIds: [contactId],
		parameters: { ids: relationTypeIds },
		output: { contactId, relationTypeIds },
	};
};

/** One contact per item, its output the contact ID and what changed. */
const oneContactChange =
	(changed: IDataObject): BuildChange =>
	(item) => {
		const contactId = oneContact(item);
		return { contactIds: [contactId], output: { contactId, ...changed } };
	};

/** The operations' own changes (Update Many and Merge bring theirs). */
const BUILD: Partial<Record<BatchOperation, BuildChange>> = {
	addrelationtypes: relationTypes,
	removerelationtypes: relationTypes,
	subscribe: oneContactChange({ subscribed: true }),
	unsubscribe: oneContactChange({ subscribed: false }),
	delete: oneContactChange({ deleted: true }),
};

export interface BatchOptions {
	/** Builds the item's change; the operation's own when omitted (one contact ID per item). */
	build?: BuildChange;
	/** Each item in a request of its own (a merge names all its contacts itself). */
	alone?: boolean;
}

/**
 * POST /contacts/batch `{ ids, operation, parameters }`: at most 1000 contact ids per request, items with the
 * same parameters together. Ticketmatic applies a batch WITHOUT ids to every contact in the account
 * (tm-go contacts.Batch: "If you don't specify anything, the batch operation will be applied to all
 * contacts"), so an item without a contact id fails on its own and a request is only ever built from ids.
 */
export function contactBatch(operation: BatchOperation, options: BatchOptions = {}) {
	const build = options.build ?? BUILD[operation];
	if (!build) throw new Error(`The batch operation "${operation}" needs its own build`);
	return bulkOperation<BatchChange>(
		{ method: 'POST', url: '/contacts/batch' },
		async (ctx, parameter) => {
			await ticketmatic.checkCredential(ctx);
			const url = '/contacts/batch';
			const node = ctx.getNode();
			return {
				noun: 'contacts',
				chunkSize: options.alone ? 1 : BULK_MAX,
				inFlight: ticketmatic.policy.maxInFlight,
				build: (itemIndex) =>
					build({
						node,
						itemIndex,
						read: (name, fallback, readOptions) =>
							parameter(name, itemIndex, fallback, readOptions),
					}),
				groupBy: (change) => JSON.stringify(change.parameters ?? null),
				send: async (chunk) => {
					const ids = chunk.flatMap((entry) => entry.payload.contactIds);
					// Never without ids: it would touch every contact.
					if (ids.length === 0 || ids.length > BULK_MAX)
						throw new Error(`A batch of ${ids.length} contact IDs is never sent`);
					const { parameters } = chunk[0].payload;
					await ticketmatic.request(
						ctx,
						{
							method: 'POST',
							url,
							body: { ids, operation, ...(parameters ? { parameters } : {}) },
						},
						chunk[0].itemIndex,
					);
					return chunk.map(({ payload }) => ({ json: payload.output }));
				},
			};
		},
	);
}
