import type { FakeApi } from '../harness/http';

/** TicketSource records shaped like the samples of https://ticketsource.io/working-with-customers. */
export const BASE = 'https://api.ticketsource.io';
export const API_KEY = 'skl-dummy-secret-0123456789';
export const credentials = { ticketSourceApi: { apiKey: API_KEY } };

export function customer(id: string, extra: Record<string, unknown> = {}) {
	return {
		id,
		type: 'customer',
		attributes: {
			title: null,
			first_name: 'Karl',
			last_name: 'Jenkins',
			email: 'karl@karljenkins.com',
			telephone: '01234555678',
			address: {
				line_1: '1 A Street',
				line_2: 'A Town',
				line_3: null,
				line_4: null,
				postcode: 'AB123CD',
			},
			membership: { identifier: null, start_date: null, end_date: null },
			consent: { email: true, post: false, sms: false },
			created_at: '2020-04-09T16:36:05+00:00',
			updated_at: null,
			...extra,
		},
		links: { self: `${BASE}/customers/${id}`, notes: `${BASE}/customers/${id}/notes` },
	};
}

export function flat(record: ReturnType<typeof customer>) {
	return { id: record.id, ...record.attributes };
}

export function note(id: string, customerId: string, description = 'Called about seats') {
	return {
		id,
		type: 'customer-note',
		attributes: {
			description,
			created_by: 'n8n',
			created_at: '2019-02-12T10:58:34+00:00',
			updated_at: null,
		},
		links: { self: `${BASE}/customers/${customerId}/notes/${id}` },
	};
}

/** One page of a list, with `links.next` pointing at the following page (as TicketSource does, without per_page). */
export function page(path: string, records: unknown[], pageNumber: number, last: boolean) {
	return {
		data: records,
		links: {
			first: `${BASE}${path}?page=1`,
			last: null,
			prev: pageNumber > 1 ? `${BASE}${path}?page=${pageNumber - 1}` : null,
			next: last ? null : `${BASE}${path}?page=${pageNumber + 1}`,
		},
		meta: {
			current_page: pageNumber,
			from: 1,
			path: `${BASE}${path}`,
			per_page: records.length,
			to: records.length,
		},
	};
}

/**
 * A TicketSource list over `records` at `path`, answering any `page`/`per_page` as TicketSource does (a page beyond
 * the end is empty, `links.next` null on the last page); `cap` is the most records it puts on one page.
 */
export function listApi(
	api: FakeApi,
	path: string,
	records: unknown[],
	{ cap = 100, times = 50 } = {},
) {
	api.scope
		.get(path)
		.query(true)
		.times(times)
		.reply(200, (uri: string) => {
			const query = new URL(uri, BASE).searchParams;
			const perPage = Math.min(cap, Number(query.get('per_page') ?? 10));
			const number = Number(query.get('page') ?? 1);
			const slice = records.slice((number - 1) * perPage, number * perPage);
			const body = page(path, slice, number, number * perPage >= records.length);
			return { ...body, meta: { ...body.meta, per_page: perPage } };
		});
}
