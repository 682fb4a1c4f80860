import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { listSearchResult, shortText } from '../../shared/locator';
import { chartMogul, PAGE_SIZE } from '../transport';

type Page = { entries?: IDataObject[]; cursor?: string; has_more?: boolean };

/** One page of a ChartMogul cursor list (`per_page`, `cursor`), and the next cursor while `has_more` is true. */
async function listPage(
	ctx: ILoadOptionsFunctions,
	url: string,
	qs: IDataObject,
	paginationToken?: string,
) {
	const body = (await chartMogul.request(ctx, {
		method: 'GET',
		url,
		qs: { ...qs, per_page: PAGE_SIZE, ...(paginationToken ? { cursor: paginationToken } : {}) },
	})) as Page;
	return {
		entries: body?.entries ?? [],
		next: body?.has_more && body.cursor ? String(body.cursor) : undefined,
	};
}

/** "Name (e-mail)", or whichever of the two the record has, or its UUID. */
function nameAndEmail(name: unknown, email: unknown, uuid: unknown): string {
	const shown = typeof name === 'string' ? name.trim() : '';
	if (shown && email) return `${shown} (${String(email)})`;
	return shown || (email ? String(email) : String(uuid));
}

const looksLikeEmail = (filter?: string) => /^[^\s@]+@[^\s@]+$/.test((filter ?? '').trim());

/**
 * The Customer locator. A typed e-mail address asks ChartMogul's customer search (`GET /customers/search?email=`,
 * 404 when no customer has it); anything else filters the pages of `GET /customers` by name or e-mail.
 */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const toEntry = (customer: IDataObject): INodeListSearchItems => ({
		name: nameAndEmail(customer.name, customer.email, customer.uuid),
		value: String(customer.uuid),
	});
	if (looksLikeEmail(filter)) {
		try {
			const { entries, next } = await listPage(
				this,
				'/customers/search',
				{ email: filter!.trim() },
				paginationToken,
			);
			return listSearchResult(entries.map(toEntry), undefined, next);
		} catch (error) {
			if ((error as { httpCode?: string }).httpCode === '404') return { results: [] };
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
	const { entries, next } = await listPage(this, '/customers', {}, paginationToken);
	return listSearchResult(entries.map(toEntry), filter, next);
}

/** The contact locators (Contact, Into Contact, From Contact): contacts by name or e-mail. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// An e-mail address is a server-side filter of the contact list (`email`); the rest is filtered here.
	const byEmail = looksLikeEmail(filter);
	const { entries, next } = await listPage(
		this,
		'/contacts',
		byEmail ? { email: filter!.trim() } : {},
		paginationToken,
	);
	const results = entries.map((contact) => ({
		name: nameAndEmail(
			[contact.first_name, contact.last_name].filter(Boolean).join(' '),
			contact.email,
			contact.uuid,
		),
		value: String(contact.uuid),
	}));
	return listSearchResult(results, byEmail ? undefined : filter, next);
}

/** The Note or Call Log locator: notes and call logs by their text. */
export async function searchCustomerNotes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { entries, next } = await listPage(this, '/customer_notes', {}, paginationToken);
	const results = entries.map((note) => ({
		name: `${note.type === 'call' ? 'Call' : 'Note'}: ${shortText(note.text, String(note.uuid))}`,
		value: String(note.uuid),
	}));
	return listSearchResult(results, filter, next);
}
