/** Quentn records shaped like the samples of https://help.quentn.com/hc/en-150/articles/4517835330961-Contact-API. */
export const HOST = 'https://acme.s1.quentn.com';
export const API = '/public/api/V1';
export const API_KEY = 'qn-dummy-secret-0123456789';
export const credentials = { quentnApi: { systemId: 'acme', serverId: 's1', apiKey: API_KEY } };

export function term(id: number, name = `Tag ${id}`) {
	return { id, name, description: `About ${name}`, deletion_blocked: false };
}

export function terms(from: number, count: number) {
	return Array.from({ length: count }, (_, index) => term(from + index));
}

export function comment(id: number, contactId = 93) {
	return {
		id,
		contact_id: contactId,
		uid: 2,
		created: 1627980505,
		changed: 1627980505,
		comment: `comment ${id}`,
	};
}

/** One range of `GET /contact/{id}/comments`, as Quentn's "Contact API" help page shows it. */
export function commentRange(range: number, ids: number[], total: number, limit = 50) {
	return {
		range,
		limit,
		sort: 'asc',
		number_comments: total,
		number_ranges: Math.ceil(total / limit),
		comments: ids.map((id) => comment(id)),
	};
}
