import { createTransport } from '../shared/transport';
import { nextLinkPaginator } from '../shared/paginators';

export const BASE_URL = 'https://api.ticketsource.io';

export const ticketSource = createTransport({
	vendor: 'TicketSource',
	credentialType: 'ticketSourceApi',
	credentials:
		'Check the API key in the TicketSource credential: copy the secret key (it starts with "skl-") from TicketSource → Settings → API.',
	// TicketSource publishes no rate limits; a few requests at a time is polite and still fast.
	maxInFlight: 5,
	secretFields: ['apiKey'],
});

/**
 * Lists follow `links.next`. Page size: the docs show a default of 10 and clients use 100; no maximum is
 * documented (../shared/api/ticketsource.md), so 100 it is. The next link omits `per_page` (seed sample),
 * so the transport keeps our query on every page.
 */
export const PAGE_SIZE = 100;

export const ticketSourceList = ticketSource.list(
	nextLinkPaginator({ pageSize: PAGE_SIZE, sizeParam: 'per_page', records: 'data', next: 'links.next' }),
);
