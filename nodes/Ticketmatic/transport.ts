import { checkUtc } from '../shared/dates';
import { addressablePaginator, singlePage } from '../shared/paginators';
import { createTransport } from '../shared/transport';
import { CREDENTIAL_HINT } from './signing';
import { baseUrlOf } from './baseUrl';

export const ticketmatic = createTransport({
	vendor: 'Ticketmatic',
	credentialType: 'ticketmaticApi',
	baseUrl: baseUrlOf,
	credentials: CREDENTIAL_HINT,
	// Ticketmatic publishes no general rate limit (429s come mostly from order creation): 4 at a time, as the lists fetch.
	maxInFlight: 4,
	secretFields: ['secretKey', 'accessKey'],
	// Every Ticketmatic ID is an integer (tm-go: `Id int64` on contacts, remarks and relation types).
	pathValues: { default: 'digits' },
});

/** The lists' Last Updated Since filter, as routed (nodes/Ticketmatic/resources/contact/fields.ts `listFilters`). */
const checkSince = checkUtc('qs', 'lastupdatesince', 'space', 'Last Updated Since');

/**
 * Contacts per page. Ticketmatic documents no maximum (https://www.ticketmatic.com/docs/api/contacts/getlist); 1000
 * is this node's choice (unverified as a server limit), the same as the import maximum.
 */
export const PAGE_SIZE = 1000;

/** Ticketmatic's maximum per POST /contacts/import and per POST /contacts/batch (https://www.ticketmatic.com/docs/api/contacts/import; the batch limit is unverified). */
export const BULK_MAX = 1000;

/**
 * Contacts are addressed by offset, so 4 pages are in flight at once (the policy's 4). `nbrofresults`, the total
 * ignoring limit/offset (tm-go `ContactQuery` / list result), keeps pages beyond it from being asked for; when it is
 * missing or null the list still goes on to its first short page.
 */
export const contactList = ticketmatic.list(
	addressablePaginator({
		pageSize: PAGE_SIZE,
		sizeParam: 'limit',
		offsetParam: 'offset',
		records: 'data',
		total: 'nbrofresults',
	}),
	checkSince,
);

// GET /settings/system/relationtypes takes no limit/offset (tm-go relationtypes.Getlist: filter, includearchived, lastupdatesince only).
export const relationTypeList = ticketmatic.list(singlePage('data'), checkSince);
