'use strict';
/**
 * Fake TicketSource (https://api.ticketsource.io), from https://ticketsource.io/working-with-customers:
 * Bearer key (or Basic with the key as user name), JSON:API-style bodies that must say `data.type`, updates whose
 * `data.id` must match the path, lists paged with `page`/`per_page` and `links.next` until it is null.
 */
const { HttpError, json, empty, createFake, readAuthorization } = require('./router');

const BASE = 'https://api.ticketsource.io';
const CUSTOMER_ATTRIBUTES = [
	'title',
	'first_name',
	'last_name',
	'email',
	'phone',
	'address',
	'membership',
	'consent',
];
const NOTE_ATTRIBUTES = ['description', 'created_by'];

function createTicketSourceFake({ apiKey, seedCustomers = 0 }) {
	const customers = new Map();
	const notes = new Map(); // customer id -> Map(note id -> note)
	let serial = 0;
	const nextId = (prefix) => `${prefix}-${String(++serial).padStart(10, '0')}`;
	const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');

	const customerResource = (c) => ({
		id: c.id,
		type: 'customer',
		attributes: c.attributes,
		links: {
			self: `${BASE}/customers/${c.id}`,
			bookings: `${BASE}/customers/${c.id}/bookings`,
			notes: `${BASE}/customers/${c.id}/notes`,
		},
	});
	const noteResource = (customerId, n) => ({
		id: n.id,
		type: 'customer-note',
		attributes: n.attributes,
		links: {
			self: `${BASE}/customers/${customerId}/notes/${n.id}`,
			customer: `${BASE}/customers/${customerId}`,
		},
	});

	/**
	 * The values of `map` as `page` reads a list (its length and one slice), each shaped by `shape` only when its page is
	 * asked for: a page of 100 out of 100,000 customers builds 100 resources, not 100,000.
	 */
	function lazyList(map, shape) {
		return {
			length: map.size,
			slice(start, end) {
				const out = [];
				let index = 0;
				for (const value of map.values()) {
					if (index >= end) break;
					if (index >= start) out.push(shape(value));
					index++;
				}
				return out;
			},
		};
	}

	/** One page of `records` (an array, or a lazyList) as TicketSource pages: `page` and `per_page`, links and meta. */
	function page(query, path, records) {
		const perPage = query.has('per_page') ? Number(query.get('per_page')) : 10;
		const current = query.has('page') ? Number(query.get('page')) : 1;
		if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
			throw invalid('per_page', 'The per page must be between 1 and 100.');
		if (!Number.isInteger(current) || current < 1)
			throw invalid('page', 'The page must be at least 1.');
		const start = (current - 1) * perPage;
		const slice = records.slice(start, start + perPage);
		const more = start + perPage < records.length;
		return json(200, {
			data: slice,
			// As in the seed: the links carry only `page`, not `per_page`.
			links: {
				first: `${BASE}${path}?page=1`,
				last: null,
				prev: current > 1 ? `${BASE}${path}?page=${current - 1}` : null,
				next: more ? `${BASE}${path}?page=${current + 1}` : null,
			},
			meta: {
				current_page: current,
				from: slice.length ? start + 1 : null,
				path: `${BASE}${path}`,
				per_page: perPage,
				to: slice.length ? start + slice.length : null,
			},
		});
	}

	function invalid(field, detail) {
		return new HttpError(422, {
			message: detail,
			errors: [
				{ title: 'Validation error', detail, source: { pointer: `/data/attributes/${field}` } },
			],
		});
	}

	/** Checks the JSON:API envelope and returns its attributes, rejecting anything the real API would not take. */
	function readPayload(body, type, allowed, { id } = {}) {
		if (!body || typeof body !== 'object' || !body.data || typeof body.data !== 'object') {
			throw new HttpError(400, {
				errors: [
					{ title: 'Bad request', detail: 'All API payloads are to be wrapped in a data key' },
				],
			});
		}
		if (body.data.type !== type)
			throw invalid('type', `data.type must be "${type}", got ${JSON.stringify(body.data.type)}`);
		if (id !== undefined && body.data.id !== id) {
			throw new HttpError(409, {
				errors: [
					{
						title: 'Conflict',
						detail: `data.id ${JSON.stringify(body.data.id)} does not match ${id}`,
					},
				],
			});
		}
		const attributes = body.data.attributes ?? {};
		if (typeof attributes !== 'object' || Array.isArray(attributes))
			throw invalid('attributes', 'data.attributes must be an object');
		for (const key of Object.keys(attributes)) {
			if (!allowed.includes(key)) throw invalid(key, `Unknown attribute "${key}"`);
		}
		return attributes;
	}

	function customerAttributes(input, existing) {
		if (input.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(input.email)))
			throw invalid('email', 'The email must be a valid email address.');
		const { phone, ...rest } = input;
		const merged = { ...existing, ...rest };
		for (const nested of ['address', 'membership', 'consent']) {
			if (input[nested] !== undefined) merged[nested] = { ...existing[nested], ...input[nested] };
		}
		if (phone !== undefined) merged.telephone = phone;
		return merged;
	}

	const blankCustomer = () => ({
		title: null,
		first_name: null,
		last_name: null,
		address: { line_1: null, line_2: null, line_3: null, line_4: null, postcode: null },
		telephone: null,
		email: null,
		membership: { identifier: null, start_date: null, end_date: null },
		consent: { email: false, post: false, sms: false },
		created_at: null,
		updated_at: null,
	});

	function addCustomer(attributes) {
		const id = nextId('cst');
		const customer = {
			id,
			attributes: { ...customerAttributes(attributes, blankCustomer()), created_at: now() },
		};
		customers.set(id, customer);
		notes.set(id, new Map());
		return customer;
	}

	for (let i = 1; i <= seedCustomers; i++)
		addCustomer({ first_name: 'Seed', last_name: `Customer ${i}`, email: `seed${i}@example.org` });

	const findCustomer = (id) => {
		const customer = customers.get(id);
		if (!customer) throw new HttpError(404, { message: 'Customer not found' });
		return customer;
	};
	const findNote = (customerId, noteId) => {
		const note = notes.get(findCustomer(customerId).id).get(noteId);
		if (!note) throw new HttpError(404, { message: 'Customer note not found' });
		return note;
	};

	const fake = createFake({
		name: 'TicketSource',
		baseUrl: BASE,
		authorize(req) {
			const auth = readAuthorization(req);
			const key =
				auth.scheme === 'bearer' ? auth.token : auth.scheme === 'basic' ? auth.user : undefined;
			if (key !== apiKey) throw new HttpError(401, { message: 'Unauthenticated.' });
		},
		routes: [
			[
				'GET',
				'/customers',
				({ query }) => page(query, '/customers', lazyList(customers, customerResource)),
			],
			[
				'POST',
				'/customers',
				({ body }) => {
					const attributes = readPayload(body, 'customer', CUSTOMER_ATTRIBUTES);
					for (const field of ['first_name', 'last_name', 'email']) {
						if (!attributes[field])
							throw invalid(field, `The ${field.replace('_', ' ')} field is required.`);
					}
					return json(201, { data: customerResource(addCustomer(attributes)) });
				},
			],
			[
				'GET',
				'/customers/:id',
				({ params }) => json(200, { data: customerResource(findCustomer(params.id)) }),
			],
			[
				'PATCH',
				'/customers/:id',
				({ params, body }) => {
					const customer = findCustomer(params.id);
					const attributes = readPayload(body, 'customer', CUSTOMER_ATTRIBUTES, { id: params.id });
					customer.attributes = {
						...customerAttributes(attributes, customer.attributes),
						updated_at: now(),
					};
					return json(200, { data: customerResource(customer) });
				},
			],
			[
				'DELETE',
				'/customers/:id',
				({ params }) => {
					findCustomer(params.id);
					customers.delete(params.id);
					notes.delete(params.id);
					return empty(204);
				},
			],
			[
				'GET',
				'/customers/:id/notes',
				({ params, query }) => {
					const list = [...notes.get(findCustomer(params.id).id).values()].map((n) =>
						noteResource(params.id, n),
					);
					return page(query, `/customers/${params.id}/notes`, list);
				},
			],
			[
				'POST',
				'/customers/:id/notes',
				({ params, body }) => {
					findCustomer(params.id);
					const attributes = readPayload(body, 'customer_note', NOTE_ATTRIBUTES);
					for (const field of NOTE_ATTRIBUTES) {
						if (typeof attributes[field] !== 'string' || !attributes[field])
							throw invalid(field, `The ${field.replace('_', ' ')} field is required.`);
					}
					const note = { id: nextId('csn'), attributes: { ...attributes, created_at: now() } };
					notes.get(params.id).set(note.id, note);
					return json(201, { data: noteResource(params.id, note) });
				},
			],
			[
				'GET',
				'/customers/:id/notes/:noteId',
				({ params }) =>
					json(200, { data: noteResource(params.id, findNote(params.id, params.noteId)) }),
			],
			[
				'DELETE',
				'/customers/:id/notes/:noteId',
				({ params }) => {
					findNote(params.id, params.noteId);
					notes.get(params.id).delete(params.noteId);
					return empty(204);
				},
			],
		],
	});
	return Object.assign(fake, { state: { customers, notes } });
}

module.exports = { createTicketSourceFake };
