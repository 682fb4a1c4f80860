import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listSearchResult } from '../../shared/locator';
import { ticketmatic } from '../transport';

/** Contacts per page of the Contact locator's list. */
const SEARCH_PAGE = 50;

/**
 * The Contact locator: Ticketmatic searches (`GET /contacts?searchterm=`, name, e-mail and more, with `limit` and
 * `offset`; `nbrofresults` is the total), so the typed text goes to the server and the next offset is the token.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const searchterm = (filter ?? '').trim();
	const body = (await ticketmatic.request(this, {
		method: 'GET',
		url: '/contacts',
		qs: { limit: SEARCH_PAGE, offset, orderby: 'name', ...(searchterm ? { searchterm } : {}) },
	})) as { data?: IDataObject[]; nbrofresults?: number };
	const contacts = body?.data ?? [];
	const entries = contacts.map((contact) => {
		const name =
			[contact.firstname, contact.lastname].filter(Boolean).join(' ') || String(contact.id);
		return {
			name: contact.email ? `${name} (${String(contact.email)})` : name,
			value: String(contact.id),
		};
	});
	const next =
		offset + contacts.length < Number(body?.nbrofresults ?? 0) && contacts.length > 0
			? String(offset + contacts.length)
			: undefined;
	// The server already searched: no second filter here.
	return listSearchResult(entries, undefined, next);
}
