import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listSearchResult, parentId, shortText } from '../../shared/locator';
import { COMMENT_PAGE_SIZE, quentn } from '../transport';

/**
 * The Comment locator: the comments of the contact chosen above, newest first, one page (`range`, 0-based) per
 * call; `number_ranges` is the page count (quentn-php ContactClient::getContactComments).
 */
export async function searchComments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const contact = encodeURIComponent(parentId(this, 'contactId', 'Contact ID'));
	const range = Number(paginationToken ?? 0);
	const body = (await quentn.request(this, {
		method: 'GET',
		url: `/contact/${contact}/comments`,
		qs: { range, limit: COMMENT_PAGE_SIZE, sort: 'desc' },
	})) as { comments?: IDataObject[]; number_ranges?: number };
	const entries = (body?.comments ?? []).map((comment) => ({
		name: shortText(comment.comment, String(comment.id)),
		value: String(comment.id),
	}));
	const next = range + 1 < Number(body?.number_ranges ?? 0) ? String(range + 1) : undefined;
	return listSearchResult(entries, filter, next);
}
