import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listSearchResult } from '../../shared/locator';
import { jtel } from '../transport';

/**
 * The Contact locator: `GET /dialler/contacts` (jtel sends every contact of the client account in one answer, no
 * paging), shown as "Name, FirstName · PhoneNumber1" and filtered by name, number, user data or ID.
 */
export async function searchDiallerContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = (await jtel.request(this, {
		method: 'GET',
		url: '/dialler/contacts',
	})) as IDataObject;
	const contacts = Array.isArray(body?.records) ? (body.records as IDataObject[]) : [];
	const entries = contacts.map((contact) => {
		const name = [contact.Name, contact.FirstName].filter(Boolean).join(', ') || String(contact.ID);
		const extra = [contact.PhoneNumber1, contact.UserData].filter(Boolean).join(' · ');
		return { name: extra ? `${name} · ${extra}` : name, value: String(contact.ID) };
	});
	return listSearchResult(entries, filter);
}
