import { cursorPaginator, everyMatch } from '../shared/paginators';
import type { Check } from '../shared/validators';
import { createTransport, emptyOnNotFound } from '../shared/transport';
import { baseUrlOf } from './baseUrl';

export const chartMogul = createTransport({
	vendor: 'ChartMogul',
	credentialType: 'chartMogulApi',
	baseUrl: baseUrlOf,
	// Where the key is: nango.dev/docs/api-integrations/chartmogul/connect (Settings → Your Account → API Keys).
	credentials:
		'Check the API key in the ChartMogul credential: in ChartMogul open Settings → Your Account → API Keys and copy a key with "Read & Write" access (a read-only key cannot create, update or delete).',
	// ChartMogul allows 40 requests/s per account (429 beyond) and 20 parallel connections (503 beyond)
	// (https://dev.chartmogul.com/docs/rate-limits). 10 in flight (half the connections) and 40 rate permits: a permit
	// returns a second after its request finished, so no second of ChartMogul's clock sees more than 40 from this process.
	maxInFlight: 10,
	maxPerSecond: 40,
	secretFields: ['apiKey'],
});

/** ChartMogul: `per_page` defaults to and may not exceed 200 (https://dev.chartmogul.com/docs/pagination). */
export const PAGE_SIZE = 200;

/**
 * Lists send `cursor` from the previous page while `has_more` is true; filters stay on every page. One page after
 * another: a page's cursor is only known from the page before it, so pages cannot overlap.
 */
const pages = cursorPaginator({
	pageSize: PAGE_SIZE,
	sizeParam: 'per_page',
	cursorParam: 'cursor',
	records: 'entries',
	cursor: 'cursor',
	hasMore: 'has_more',
});

export const chartMogulList = chartMogul.list(pages);

/** A lookup (customer search by e-mail): every page of matches, and 404 = no match. */
export const chartMogulLookup = (...checks: Check[]) =>
	chartMogul.list(emptyOnNotFound(everyMatch(pages)), ...checks);
