import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { RequestContext } from '../shared/executor';
import type { PageRequest } from '../shared/paginators';
import { addressablePaginator, singlePage } from '../shared/paginators';
import { createTransport, emptyOnNotFound } from '../shared/transport';
import { idList } from '../shared/validators';
import { baseUrlOf } from './baseUrl';

export const quentn = createTransport({
	vendor: 'Quentn',
	credentialType: 'quentnApi',
	baseUrl: baseUrlOf,
	credentials:
		'Check the Quentn credential: the API key from your Quentn system (Account Settings), and the System ID and Server ID from your login address https://<System ID>.<Server ID>.quentn.com.',
	// Quentn reports its rate limit per key in X-Rate-Limit-* headers without publishing the numbers
	// (unverified: no public Quentn page found that documents them); 5 requests at a time keeps one node run well inside any sane limit while
	// 429s (with Retry-After) are retried by the executor.
	maxInFlight: 5,
	secretFields: ['apiKey'],
	address:
		'Check "System ID" and "Server ID" in the Quentn credential: your Quentn login address is https://<System ID>.<Server ID>.quentn.com.',
	// Contact and comment IDs are integers; a term may be named instead of numbered (GET /terms/{id or name}).
	// A custom field is addressed by its field name or ID (GET /custom-fields/{field_name or field_id}).
	pathValues: { default: 'digits', termId: 'name', email: 'email', fieldName: 'id' },
});

/**
 * Terms: `GET /terms?offset&limit`, a bare array, 500 per page at most and by default, no total: the list ends at a
 * short page. Pages are addressed by offset, so 4 are in flight at once (under the 5 of the policy above).
 */
const TERM_PAGE_SIZE = 500;
export const termPaginator = addressablePaginator({
	pageSize: TERM_PAGE_SIZE,
	sizeParam: 'limit',
	offsetParam: 'offset',
	records: '',
});

/**
 * Comments: `range` is the 0-based page index, `limit` at most 50, `number_ranges` the page count; addressed by
 * index, so 4 pages are in flight at once.
 */
export const COMMENT_PAGE_SIZE = 50;
export const commentPaginator = addressablePaginator({
	pageSize: COMMENT_PAGE_SIZE,
	sizeParam: 'limit',
	pageParam: 'range',
	firstPage: 0,
	records: 'comments',
	pageCount: 'number_ranges',
});

/**
 * A contact's terms come in one answer (a bare array); Return All / Limit are applied to it. A contact without
 * terms is answered with HTTP 404, which is an empty list (quentn-php ContactClient::getContactTerms).
 */
export const contactTermPaginator = emptyOnNotFound(singlePage(''));

/** Custom fields: `GET /custom-fields` answers every field at once (a bare array); Return All / Limit are applied to it. */
export const customFieldList = quentn.list(singlePage(''));

/**
 * preSend: the request body is the bare JSON array of ids, e.g. `[123, 555]` (Quentn's contact terms and
 * comment deletion take no envelope; https://help.quentn.com/hc/en-150/articles/4517835330961-Contact-API). The check above validates them.
 */
export function idListBody(name: string) {
	return async function (
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// A locator (Comment) gives its value in any mode; a list (Term Names or IDs) as it is.
		const ids = idList(this.getNodeParameter(name, [], { extractValue: true }));
		return { ...options, body: ids.map((id) => (/^\d+$/.test(id) ? Number(id) : id)) };
	};
}

/** Every term of the account, for pickers: all pages of `GET /terms`. */
export async function allTerms(ctx: RequestContext): Promise<IDataObject[]> {
	return await termPaginator.collect(
		async (page: PageRequest) =>
			await quentn.request(ctx, { method: 'GET', url: '/terms', qs: page.qs }),
	);
}
