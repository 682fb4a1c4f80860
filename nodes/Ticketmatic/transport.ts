import type { RequestContext } from '../shared/executor';
import { offsetPaginator, singlePage } from '../shared/paginators';
import { createTransport } from '../shared/transport';
import { CREDENTIAL_HINT, accountBaseUrl } from './signing';

export { BASE_URL } from './signing';

export const ticketmatic = createTransport({
	vendor: 'Ticketmatic',
	credentialType: 'ticketmaticApi',
	credentials: CREDENTIAL_HINT,
	// Ticketmatic publishes no general rate limit (429s come mostly from order creation): 4 at a time, as the lists fetch.
	maxInFlight: 4,
	secretFields: ['secretKey', 'accessKey'],
	// Every Ticketmatic ID is an integer (tm-go: `Id int64` on contacts, remarks and relation types).
	pathValues: { default: 'digits' },
});

/**
 * Contacts per page. Ticketmatic documents no maximum; 1000 is the largest page its own clients use
 * (../shared/api/ticketmatic.md), and the same as the import and batch maximum.
 */
export const PAGE_SIZE = 1000;

/** Pages fetched at once after the first: the first page tells the total (`nbrofresults`). */
export const LIST_CONCURRENCY = 4;

/** Ticketmatic's maximum per POST /contacts/import and per POST /contacts/batch (../shared/api/ticketmatic.md). */
export const BULK_MAX = 1000;

export const contactList = ticketmatic.list(
	offsetPaginator({ pageSize: PAGE_SIZE, records: 'data', total: 'nbrofresults', concurrency: LIST_CONCURRENCY }),
);

// GET /settings/system/relationtypes takes no limit/offset (tm-go relationtypes.Getlist: filter, includearchived, lastupdatesince only).
export const relationTypeList = ticketmatic.list(singlePage('data'));

/** The account's base URL, for requests the node sends itself (bulk operations, pickers). */
export async function baseUrl(ctx: RequestContext): Promise<string> {
	return accountBaseUrl(await ctx.getCredentials('ticketmaticApi'));
}
