import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listSearchResult, parentId, shortText } from '../../shared/locator';
import { PAGE_SIZE, ticketSource } from '../transport';

type Page = {
	data?: Array<{ id?: string; attributes?: IDataObject }>;
	links?: { next?: string | null };
};

/** One page of a TicketSource list (`page`, `per_page`), and the next page number while `links.next` is set. */
async function listPage(ctx: ILoadOptionsFunctions, url: string, paginationToken?: string) {
	const page = Number(paginationToken ?? 1);
	const body = (await ticketSource.request(ctx, {
		method: 'GET',
		url,
		qs: { page, per_page: PAGE_SIZE },
	})) as Page;
	return { records: body?.data ?? [], next: body?.links?.next ? String(page + 1) : undefined };
}

/** The Customer locator: customers by name and e-mail (TicketSource has no search parameter: the page is filtered here). */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { records, next } = await listPage(this, '/customers', paginationToken);
	const entries = records.map(({ id, attributes = {} }) => {
		const name =
			[attributes.first_name, attributes.last_name].filter(Boolean).join(' ') || String(id);
		return {
			name: attributes.email ? `${name} (${String(attributes.email)})` : name,
			value: String(id),
		};
	});
	return listSearchResult(entries, filter, next);
}

/** The Note locator: the notes of the customer chosen above, by their text. */
export async function searchCustomerNotes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const customer = encodeURIComponent(parentId(this, 'customerId', 'Customer'));
	const { records, next } = await listPage(this, `/customers/${customer}/notes`, paginationToken);
	const entries = records.map(({ id, attributes = {} }) => ({
		name: shortText(attributes.description, String(id)),
		value: String(id),
	}));
	return listSearchResult(entries, filter, next);
}
