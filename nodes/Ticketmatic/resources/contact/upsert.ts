import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import type { UpsertSpec } from '../../../shared/transport';
import { checkEmail } from '../../../shared/validators';
import { ticketmatic } from '../../transport';
import { checkContact, sendContact } from './body';
import { additionalFields, email } from './fields';

/** Whether `entry` (what the item sends) is already in `list` (the contact's): every field sent is the same. */
function alreadyIn(list: IDataObject[], entry: IDataObject): boolean {
	return list.some((current) =>
		Object.entries(entry).every(
			([key, value]) => String(current[key] ?? '') === String(value ?? ''),
		),
	);
}

const listOf = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? (value as IDataObject[]) : [];

/**
 * The update's body: Ticketmatic's PUT replaces a list field with what is sent (tm-go contacts.Update sends the whole
 * Contact), so each list the item sends is the contact's own list plus what is new: relation types joined, an address
 * or phone number added unless the same one is there, an opt-in replacing the contact's answer for that opt-in.
 * Lists the item does not send are not sent, and stay as they are.
 */
function mergedContact(sent: IDataObject, current: IDataObject): IDataObject {
	const body = { ...sent };
	if (Array.isArray(sent.relationtypes)) {
		const ids = [...listOf(current.relationtypes), ...listOf(sent.relationtypes)].map(Number);
		body.relationtypes = [...new Set(ids)].sort((a, b) => a - b);
	}
	for (const key of ['addresses', 'phonenumbers']) {
		if (!Array.isArray(sent[key])) continue;
		const merged = [...listOf(current[key])];
		for (const entry of listOf(sent[key])) if (!alreadyIn(merged, entry)) merged.push(entry);
		body[key] = merged;
	}
	if (Array.isArray(sent.optins)) {
		const ids = new Set(listOf(sent.optins).map((optIn) => Number(optIn.optinid)));
		body.optins = [
			...listOf(current.optins).filter((optIn) => !ids.has(Number(optIn.optinid))),
			...listOf(sent.optins),
		];
	}
	return body;
}

/**
 * The contact with the item's e-mail address: tm-go contacts.Get ("To retrieve a contact based on the e-mail
 * address, pass 0 as the id and supply an email parameter"); a 404 means there is none. Found → PUT it, its lists
 * merged with the item's (`mergedContact`).
 */
const byEmail: UpsertSpec = {
	async find(ctx, lookup) {
		const found = (await lookup('/contacts/0', {
			email: String(ctx.getNodeParameter('email', '')).trim(),
		})) as IDataObject | undefined;
		return typeof found?.id === 'number' && found.id > 0
			? { id: found.id, record: found }
			: undefined;
	},
	update: (create, found) => ({
		...create,
		method: 'PUT',
		url: `/contacts/${found.id}`,
		body: mergedContact((create.body ?? {}) as IDataObject, found.record ?? {}),
	}),
};

export const upsert: Operation = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update contact',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	routing: {
		request: { method: 'POST', url: '/contacts' },
		send: { preSend: [sendContact('additionalFields', { withEmail: true })] },
		operations: {
			pagination: ticketmatic.upsert(
				byEmail,
				checkEmail('email'),
				checkContact('additionalFields', { withEmail: true }),
			),
		},
	},
	fields: [
		{
			...email,
			required: true,
			description:
				'The contact to update is the one with this email address; without one, a contact is created',
			hint: 'The output has "upsert": "created" or "updated". An update adds to the contact\'s relation types, addresses and phone numbers (nothing is removed); an opt-in replaces the contact\'s answer to that opt-in.',
		},
		additionalFields,
	],
};
