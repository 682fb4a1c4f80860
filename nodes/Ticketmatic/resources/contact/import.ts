import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BulkEntry, BulkResult, ItemParameter } from '../../../shared/bulk';
import { bulkOperation } from '../../../shared/bulk';
import type { RequestContext } from '../../../shared/executor';
import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { digits } from '../../../shared/validators';
import { BULK_MAX, ticketmatic } from '../../transport';
import { contactBody } from './body';
import { additionalFields, email } from './fields';

/**
 * Ticketmatic imports a contact under a given ID only inside a reserved range; reserving (POST
 * /contacts/import/reserve `{ id }`) takes every unused ID up to `id`, and new contacts get higher IDs from then
 * on (tm-php lib/Endpoints/Contacts.php `reserve`). That changes the whole account, so the node does it only when
 * asked; without the option a contact ID is refused before anything is sent.
 */
const contactIdRange: INodeProperties = {
	displayName: 'Contact ID Range',
	name: 'contactIdRange',
	type: 'options',
	default: 'reserve',
	description:
		'Contact IDs are imported only into a range reserved in Ticketmatic. How the given IDs get there.',
	options: [
		{
			name: 'Reserve Before Import',
			value: 'reserve',
			description:
				'Reserve every unused ID up to the highest given one first (POST /contacts/import/reserve). New contacts then get higher IDs.',
		},
		{
			name: 'Already Reserved',
			value: 'alreadyReserved',
			description: 'The IDs were reserved before: send them as they are',
		},
	],
};

interface ImportAnswer extends IDataObject {
	id?: number;
	ok?: boolean;
	error?: string;
}

type IdRange = 'reserve' | 'alreadyReserved' | undefined;

/**
 * One input item's contact: its fields, and its ID when one is given, which needs a reserved range (the item's
 * choice is kept in `ranges`).
 */
function importedContact(
	node: INode,
	parameter: ItemParameter,
	ranges: Map<number, IdRange>,
	itemIndex: number,
): IDataObject {
	const fields = { ...(parameter('additionalFields', itemIndex, {}) as IDataObject) };
	fields.email = parameter('email', itemIndex, '') as string;
	const contact = contactBody(fields, node, itemIndex);
	const id = parameter('contactId', itemIndex, '') as string | number;
	if (id === '' || id === undefined || String(id).trim() === '') return contact;
	const contactId = Number(digits(id, { node, parameter: 'Contact ID', itemIndex }));
	const range = (parameter('options.contactIdRange', itemIndex, '') as IdRange | '') || undefined;
	if (range === undefined) {
		throw new NodeOperationError(
			node,
			`Contact ID ${contactId} needs a reserved ID range, so nothing was sent for this item`,
			{
				itemIndex,
				description:
					'Ticketmatic imports a contact under a given ID only when that ID was reserved. Add the option "Contact ID Range": "Reserve Before Import" reserves every unused ID up to the highest one given (new contacts then get higher IDs), "Already Reserved" sends the IDs as they are. Or leave Contact ID empty to let Ticketmatic assign one.',
			},
		);
	}
	ranges.set(itemIndex, range);
	return { id: contactId, ...contact };
}

/** One chunk: the IDs to reserve first (if any), then the import; one result per contact, in order. */
async function sendImportChunk(
	ctx: RequestContext,
	ranges: Map<number, IdRange>,
	chunk: Array<BulkEntry<IDataObject>>,
): Promise<BulkResult[]> {
	const reserve = chunk
		.filter((entry) => ranges.get(entry.itemIndex) === 'reserve')
		.map((entry) => Number(entry.payload.id));
	if (reserve.length) {
		// Reserves every unused ID up to this one (tm-php Contacts::reserve); the import follows only if it succeeded.
		await ticketmatic.request(
			ctx,
			{ method: 'POST', url: '/contacts/import/reserve', body: { id: Math.max(...reserve) } },
			chunk[0].itemIndex,
		);
	}
	const body = chunk.map((entry) => entry.payload);
	const answers = await ticketmatic.request(
		ctx,
		{ method: 'POST', url: '/contacts/import', body },
		chunk[0].itemIndex,
	);
	return (Array.isArray(answers) ? (answers as ImportAnswer[]) : []).map((answer) => ({
		json: answer,
		error:
			answer.ok === false
				? `Ticketmatic did not import the contact: ${answer.error || 'no reason given'}`
				: undefined,
	}));
}

/** POST /contacts/import: one Contact per input item, at most 1000 per call, one `{ id, ok, error }` back per contact, in order. */
function importContacts() {
	return bulkOperation<IDataObject>(
		{ method: 'POST', url: '/contacts/import' },
		async (ctx, parameter) => {
			await ticketmatic.checkCredential(ctx);
			const node = ctx.getNode();
			const ranges = new Map<number, IdRange>();
			return {
				noun: 'contacts',
				chunkSize: BULK_MAX,
				inFlight: ticketmatic.policy.maxInFlight,
				build: (itemIndex) => importedContact(node, parameter, ranges, itemIndex),
				send: async (chunk) => await sendImportChunk(ctx, ranges, chunk),
			};
		},
	);
}

export const importOperation: Operation = {
	name: 'Import',
	value: 'import',
	action: 'Import contacts',
	description: `Import many contacts at once, up to ${BULK_MAX} per request; each item gets its own result`,
	fields: [
		email,
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 10001',
			description:
				'Optional. The ID to import the contact under (needs the option "Contact ID Range"); leave empty to let Ticketmatic assign one.',
		},
		additionalFields,
		fieldCollection('options', [contactIdRange]),
	],
	bulk: importContacts(),
};
