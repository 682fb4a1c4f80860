import { createHmac, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * The header Quentn signs a campaign Webhook call with, when the element has a Hash Salt: base64 of
 * HMAC-SHA256 over the raw body, keyed with the salt (help.quentn.com/hc/de/articles/15619204736401).
 */
export const SIGNATURE_HEADER = 'x-quentn-hmac-sha256';

/** "Kontakte pro Aufruf": at most 100 contacts per call (same article). */
export const MAX_CONTACTS = 100;

/** Whether `signature` is the base64 HMAC-SHA256 of `rawBody` keyed with `salt`, compared in constant time. */
export function validSignature(rawBody: Buffer, salt: string, signature: unknown): boolean {
	const given = Array.isArray(signature) ? signature[0] : signature;
	if (typeof given !== 'string' || given === '') return false;
	const expected = Buffer.from(createHmac('sha256', salt).update(rawBody).digest('base64'), 'utf8');
	const received = Buffer.from(given.trim(), 'utf8');
	return received.length === expected.length && timingSafeEqual(received, expected);
}

type ParsedCall = { contacts: IDataObject[] } | { problem: string };

/** The contacts of one call: a JSON array of objects, each with an `id`, at most 100 of them. */
export function parseContacts(rawBody: Buffer): ParsedCall {
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8').replace(/^\uFEFF/, ''));
	} catch {
		return { problem: 'The body is not JSON. Quentn sends the contacts as a JSON array.' };
	}
	if (!Array.isArray(body)) {
		return {
			problem:
				'The body is not a JSON array of contacts, as the Webhook element of a Quentn campaign sends.',
		};
	}
	if (body.length > MAX_CONTACTS) {
		return {
			problem: `The body holds ${body.length} contacts; Quentn sends at most ${MAX_CONTACTS} per call.`,
		};
	}
	const bad = body.findIndex((contact) => {
		if (!contact || typeof contact !== 'object' || Array.isArray(contact)) return true;
		const id = (contact as IDataObject).id;
		return !(
			(typeof id === 'string' && id.trim() !== '') ||
			(typeof id === 'number' && Number.isFinite(id))
		);
	});
	if (bad !== -1) {
		return {
			problem: `Contact ${bad + 1} of the body has no "id"; Quentn always sends the contact ID.`,
		};
	}
	return { contacts: body as IDataObject[] };
}
