import { createTransport } from '../shared/transport';
import { addressablePaginator } from '../shared/paginators';
import { baseUrlOf } from './baseUrl';

export const ticketSource = createTransport({
	vendor: 'TicketSource',
	credentialType: 'ticketSourceApi',
	baseUrl: baseUrlOf,
	credentials:
		'Check the API key in the TicketSource credential: copy the secret key (it starts with "skl-") from TicketSource → Settings → API.',
	// TicketSource publishes no rate limits; a few requests at a time is polite and still fast.
	maxInFlight: 5,
	secretFields: ['apiKey'],
});

/**
 * Page size: the docs show a default of 10 and clients use 100; no maximum is documented, so 100 it is.
 */
export const PAGE_SIZE = 100;

/**
 * Lists are addressed by page number: TicketSource's own next links are `?page=N` (https://ticketsource.io/working-with-customers,
 * "links.next": "https://api.ticketsource.io/customers?page=2"), and their `links`/`meta` shape (`current_page`,
 * `per_page`, no total, `last` null) is Laravel's simple paginator, which reads `page` from the query
 * (laravel/framework src/Illuminate/Http/Resources/Json/PaginatedResourceResponse.php). So 4 pages are in flight at
 * once (under the 5 of the policy above) instead of following one link after another; `links.next` being null
 * still ends the list at its last full page, and `per_page` is sent on every page (the links omit it).
 */
export const ticketSourceList = ticketSource.list(
	addressablePaginator({
		pageSize: PAGE_SIZE,
		sizeParam: 'per_page',
		pageParam: 'page',
		firstPage: 1,
		records: 'data',
		more: 'links.next',
	}),
);
