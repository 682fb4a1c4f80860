import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { BulkResult } from '../../../shared/bulk';
import { bulkOperation } from '../../../shared/bulk';
import type { Operation } from '../../../shared/description';
import { emailAddress } from '../../../shared/validators';
import { quentn } from '../../transport';
import { contactToCreate } from './body';
import { createOptions, createParameters } from './fields';

/**
 * Default contacts per request. Quentn documents no maximum for `POST /contacts`. A create is a POST, which
 * the executor never re-sends after an ambiguous failure (a reset or timeout), so every contact of that
 * request ends up "maybe stored"; 100 keeps that group small and each request short (Quentn checks each
 * contact for duplicates), while 1,000 contacts still take only 10 requests.
 */
export const DEFAULT_CHUNK_SIZE = 100;

const chunkSizeOption: INodeProperties = {
	displayName: 'Contacts per Request',
	name: 'chunkSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 1000 },
	default: DEFAULT_CHUNK_SIZE,
	description:
		'How many contacts are sent in one request. Items with different options are sent in separate requests.',
};

/** Quentn's answer for one contact: `{ id, email }` or `{ email, error: true, message }`. */
function result(answer: unknown): BulkResult {
	const json = (answer && typeof answer === 'object' ? answer : { answer }) as IDataObject;
	if (json.error === true || json.error === 'true') {
		// n8n keeps only the message of an error item, so it names the address too.
		const said =
			typeof json.message === 'string' && json.message !== ''
				? json.message
				: 'the contact was not stored';
		const who = typeof json.email === 'string' && json.email !== '' ? ` (${json.email})` : '';
		return { json, error: `Quentn: ${said}${who}` };
	}
	return { json };
}

/** `POST /contacts` with `{ contacts: [...], ...options }`; each input item gets its own entry of the answer. */
function createManyContacts() {
	return bulkOperation({ method: 'POST', url: '/contacts' }, async (ctx, parameter) => {
		await quentn.checkCredential(ctx);
		const chunkSize = Math.max(
			1,
			Math.floor(
				Number(
					(parameter('options.chunkSize', 0, DEFAULT_CHUNK_SIZE) as number) || DEFAULT_CHUNK_SIZE,
				),
			),
		);
		return {
			noun: 'contacts',
			chunkSize,
			inFlight: quentn.policy.maxInFlight,
			build: (itemIndex) => {
				const payload = contactToCreate(
					(name, fallback) => parameter(name, itemIndex, fallback),
					ctx.getTimezone(),
				);
				if (payload.contact.mail !== undefined) {
					emailAddress(payload.contact.mail, {
						node: ctx.getNode(),
						parameter: 'Email',
						itemIndex,
					});
				}
				return payload;
			},
			// One request carries one set of options: items whose options differ go into separate requests.
			groupBy: (payload) => JSON.stringify(payload.options),
			send: async (chunk) => {
				const body = {
					contacts: chunk.map((entry) => entry.payload.contact),
					...chunk[0].payload.options,
				};
				const answer = await quentn.request(
					ctx,
					{ method: 'POST', url: '/contacts', body },
					chunk[0].itemIndex,
				);
				if (!Array.isArray(answer)) {
					throw new Error(`Quentn answered ${typeof answer} instead of one result per contact`);
				}
				return answer.map(result);
			},
		};
	});
}

export const createMany: Operation = {
	name: 'Create Many',
	value: 'createMany',
	action: 'Create many contacts',
	description: 'Create one contact per input item, many per request (Quentn bulk create)',
	fields: createParameters(
		[...createOptions, chunkSizeOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	),
	bulk: createManyContacts(),
};
