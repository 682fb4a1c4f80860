'use strict';
/**
 * Fake ChartMogul (https://api.chartmogul.com/v1), from dev.chartmogul.com: Basic auth with the API key as
 * user name and an empty password, cursor paging (`cursor`, `per_page` ≤ 200, `has_more`), contacts (create, merge,
 * `custom` sent as [{key, value}] and returned as an object), customer notes, and customers' tags and custom attributes
 * (by UUID, and tags by e-mail; custom attributes typed String/Integer/Decimal/Timestamp/Boolean, updated only once
 * added: dev.chartmogul.com "Customers → Attributes").
 * `customers`: UUIDs, or `{ uuid, email, name }`; the search by e-mail answers 404 when no customer has the address.
 * `stuckCustomers`: customers whose contact lists misbehave (no real API does this on purpose): every page answers
 * `has_more: true` with the same cursor, so a client that trusts the cursor would read the same page forever.
 * `alternatingCustomers`: customers whose contact lists answer a new cursor every time but alternate between two
 * pages (the first contact, then the second, then the first again…), so no cursor repeats and no page repeats the
 * one just before it.
 */
const crypto = require('node:crypto');
const { HttpError, json, createFake, readAuthorization } = require('./router');

const base = '/v1';
const CONTACT_FIELDS = [
	'customer_uuid',
	'data_source_uuid',
	'first_name',
	'last_name',
	'position',
	'title',
	'email',
	'phone',
	'linked_in',
	'twitter',
	'notes',
	'external_id',
	'custom',
];
const NOTE_FIELDS = [
	'customer_uuid',
	'type',
	'author_email',
	'text',
	'call_duration',
	'created_at',
	'updated_at',
];

function createChartMogulFake({
	apiKey,
	customers = [{ uuid: 'cus_e2e-0001', email: 'ada@e2e.example.org', name: 'E2E customer' }],
	dataSources = [{ uuid: 'ds_e2e-0001', name: 'E2E source' }],
	seedContacts = 0,
	stuckCustomers = [],
	alternatingCustomers = [],
}) {
	const contacts = new Map();
	const notes = new Map();
	const customerRecords = new Map(
		customers.map((c, index) => {
			const record = typeof c === 'string' ? { uuid: c } : c;
			return [
				record.uuid,
				{
					id: 24460 + index,
					uuid: record.uuid,
					external_id: `cus_${String(index + 1).padStart(4, '0')}`,
					name: record.name ?? 'E2E customer',
					email: record.email ?? null,
					status: 'Active',
					attributes: { tags: [], stripe: {}, clearbit: {}, custom: {} },
				},
			];
		}),
	);
	/** The type each custom attribute key was added with (account-wide in ChartMogul). */
	const attributeTypes = new Map();
	const known = [...customerRecords.keys(), ...stuckCustomers, ...alternatingCustomers];
	const uuid = (prefix) => `${prefix}_${crypto.randomUUID()}`;
	const fail = (status, message, param = null) =>
		new HttpError(status, { code: status, message, param });

	const encode = (n) => Buffer.from(String(n)).toString('base64url');
	const page = (records, query, customer) => {
		const perPage = query.has('per_page') ? Number(query.get('per_page')) : 200;
		if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200)
			throw fail(400, 'per_page must be between 1 and 200', 'per_page');
		let start = 0;
		if (query.has('cursor')) {
			const decoded = Number(Buffer.from(query.get('cursor'), 'base64url').toString());
			if (!Number.isInteger(decoded) || decoded < 0) throw fail(400, 'Invalid cursor', 'cursor');
			start = decoded;
		}
		if (alternatingCustomers.includes(customer)) {
			const turn = start % 2; // the cursor counts the pages asked; its parity picks the page
			return { entries: records.slice(turn, turn + 1), has_more: true, cursor: encode(start + 1) };
		}
		const entries = records.slice(start, start + perPage);
		if (stuckCustomers.includes(customer)) return { entries, has_more: true, cursor: encode(0) };
		const hasMore = start + perPage < records.length;
		return {
			entries,
			has_more: hasMore,
			cursor: hasMore ? encode(start + perPage) : null,
		};
	};
	const onlyKnown = (body, allowed) => {
		if (!body || typeof body !== 'object' || Array.isArray(body))
			throw fail(400, 'Body must be a JSON object');
		const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
		if (unknown.length) throw fail(422, `Unknown field(s): ${unknown.join(', ')}`, unknown[0]);
		return body;
	};
	const customAttributes = (custom) => {
		if (custom === undefined) return undefined;
		if (!Array.isArray(custom) || custom.some((c) => !c || typeof c.key !== 'string'))
			throw fail(422, 'custom must be a list of { key, value }', 'custom');
		return Object.fromEntries(custom.map((c) => [c.key, c.value]));
	};
	const findContact = (id) => {
		const c = contacts.get(id);
		if (!c) throw fail(404, `Contact ${id} not found`);
		return c;
	};
	const findCustomer = (id) => {
		const c = customerRecords.get(id);
		if (!c) throw fail(404, 'Customer not found');
		return c;
	};
	const byEmail = (email, withContacts = false) =>
		[...customerRecords.values()].filter(
			(c) =>
				c.email === email ||
				(withContacts &&
					[...contacts.values()].some((k) => k.customer_uuid === c.uuid && k.email === email)),
		);
	const tagList = (body) => {
		if (
			!Array.isArray(body?.tags) ||
			body.tags.length === 0 ||
			body.tags.some((t) => typeof t !== 'string' || t === '')
		)
			throw fail(422, 'tags must be a non-empty list of strings', 'tags');
		return body.tags;
	};
	const addTags = (customer, tags) => {
		customer.attributes.tags = [...new Set([...customer.attributes.tags, ...tags])];
	};
	/** A value of the type, as ChartMogul checks it ("Custom Attributes": Boolean also TRUE/t/1, FALSE/f/0). */
	const typed = (type, value, key) => {
		const ok = {
			String: typeof value === 'string' && value.length <= 255,
			Integer: Number.isInteger(value),
			Decimal: typeof value === 'number' && Number.isFinite(value),
			Timestamp: typeof value === 'string' && !Number.isNaN(Date.parse(value)),
			Boolean:
				typeof value === 'boolean' ||
				['TRUE', 'true', 't', '1', 'FALSE', 'false', 'f', '0'].includes(String(value)),
		}[type];
		if (!ok) throw fail(422, `The value of ${key} is not a valid ${type}`, key);
		return type === 'Boolean' && typeof value !== 'boolean'
			? /^(TRUE|true|t|1)$/.test(String(value))
			: value;
	};
	const findNote = (id) => {
		const n = notes.get(id);
		if (!n) throw fail(404, `Customer note ${id} not found`);
		return n;
	};
	const createContact = (body) => {
		if (!known.includes(body.customer_uuid)) throw fail(422, 'Customer not found', 'customer_uuid');
		if (!dataSources.some((d) => d.uuid === body.data_source_uuid))
			throw fail(422, 'Data source not found', 'data_source_uuid');
		const contact = { uuid: uuid('con'), ...body, custom: customAttributes(body.custom) ?? {} };
		contacts.set(contact.uuid, contact);
		return json(201, contact);
	};

	// Each stuck customer has one contact, so its list has a first page to repeat; each alternating one two.
	const seed = (customer, email) => {
		const contact = {
			uuid: uuid('con'),
			customer_uuid: customer,
			data_source_uuid: dataSources[0].uuid,
			email,
			custom: {},
		};
		contacts.set(contact.uuid, contact);
	};
	for (const customer of stuckCustomers) seed(customer, `stuck@${customer}.example.org`);
	for (const customer of alternatingCustomers)
		for (const n of [1, 2]) seed(customer, `alternating${n}@${customer}.example.org`);
	for (let i = 1; i <= seedContacts; i++) {
		const contact = {
			uuid: uuid('con'),
			customer_uuid: [...customerRecords.keys()][0],
			data_source_uuid: dataSources[0].uuid,
			email: `seed${i}@example.org`,
			custom: {},
		};
		contacts.set(contact.uuid, contact);
	}

	const fake = createFake({
		name: 'ChartMogul',
		baseUrl: 'https://api.chartmogul.com',
		authorize(req) {
			const auth = readAuthorization(req);
			if (auth.scheme !== 'basic' || auth.user !== apiKey || auth.password !== '')
				throw fail(401, 'No valid API key provided');
		},
		routes: [
			['GET', `${base}/ping`, () => json(200, { data: 'pong!' })],
			['GET', `${base}/data_sources`, () => json(200, { data_sources: dataSources })],
			[
				'GET',
				`${base}/customers/search`,
				({ query }) => {
					const email = query.get('email');
					if (!email) throw fail(400, 'email is required', 'email');
					const found = byEmail(email, query.get('with_associated_emails') === 'true');
					if (!found.length) throw fail(404, 'Customer not found');
					return json(200, page(found, query));
				},
			],
			[
				'POST',
				`${base}/customers/attributes/tags`,
				({ body }) => {
					onlyKnown(body, ['email', 'tags']);
					if (typeof body.email !== 'string' || !body.email.includes('@'))
						throw fail(422, 'email must be an e-mail address', 'email');
					const tags = tagList(body);
					// Unverified (the docs show no answer for it): an address without customers answers as the search does.
					const found = byEmail(body.email);
					if (!found.length) throw fail(404, 'Customer not found');
					for (const customer of found) addTags(customer, tags);
					return json(200, { entries: found });
				},
			],
			[
				'GET',
				`${base}/customers/:uuid/attributes`,
				({ params }) => json(200, findCustomer(params.uuid).attributes),
			],
			[
				'POST',
				`${base}/customers/:uuid/attributes/tags`,
				({ params, body }) => {
					const customer = findCustomer(params.uuid);
					addTags(customer, tagList(onlyKnown(body, ['tags'])));
					return json(200, { tags: customer.attributes.tags });
				},
			],
			[
				'DELETE',
				`${base}/customers/:uuid/attributes/tags`,
				({ params, body }) => {
					const customer = findCustomer(params.uuid);
					const tags = tagList(onlyKnown(body, ['tags']));
					customer.attributes.tags = customer.attributes.tags.filter((t) => !tags.includes(t));
					return json(200, { tags: customer.attributes.tags });
				},
			],
			[
				'POST',
				`${base}/customers/:uuid/attributes/custom`,
				({ params, body }) => {
					const customer = findCustomer(params.uuid);
					const { custom } = onlyKnown(body, ['custom']);
					if (!Array.isArray(custom) || custom.length === 0)
						throw fail(422, 'custom must be a non-empty list of { type, key, value }', 'custom');
					const added = custom.map((row) => {
						onlyKnown(row, ['type', 'key', 'value', 'source']);
						if (typeof row.key !== 'string' || !/^[A-Za-z0-9_]+$/.test(row.key))
							throw fail(422, 'key may only contain letters, digits and underscores', 'key');
						if (!['String', 'Integer', 'Decimal', 'Timestamp', 'Boolean'].includes(row.type))
							throw fail(422, `Unknown type ${row.type}`, 'type');
						const defined = attributeTypes.get(row.key);
						if (defined && defined !== row.type)
							throw fail(422, `${row.key} is a ${defined} attribute`, row.key);
						return [row.key, row.type, typed(row.type, row.value, row.key)];
					});
					for (const [key, type, value] of added) {
						attributeTypes.set(key, type);
						customer.attributes.custom[key] = value;
					}
					return json(200, { custom: customer.attributes.custom });
				},
			],
			[
				'PUT',
				`${base}/customers/:uuid/attributes/custom`,
				({ params, body }) => {
					const customer = findCustomer(params.uuid);
					const { custom } = onlyKnown(body, ['custom']);
					if (!custom || typeof custom !== 'object' || Array.isArray(custom))
						throw fail(422, 'custom must be an object of key: value', 'custom');
					const changes = Object.entries(custom).map(([key, given]) => {
						// "Attribute must first be created using the POST call."
						if (!(key in customer.attributes.custom))
							throw fail(422, `The custom attribute ${key} does not exist`, key);
						const value = given && typeof given === 'object' ? given.value : given;
						return [key, typed(attributeTypes.get(key), value, key)];
					});
					for (const [key, value] of changes) customer.attributes.custom[key] = value;
					return json(200, { custom: customer.attributes.custom });
				},
			],
			[
				'DELETE',
				`${base}/customers/:uuid/attributes/custom`,
				({ params, body }) => {
					const customer = findCustomer(params.uuid);
					const { custom } = onlyKnown(body, ['custom']);
					if (!Array.isArray(custom) || custom.some((k) => typeof k !== 'string'))
						throw fail(422, 'custom must be a list of keys', 'custom');
					for (const key of custom) delete customer.attributes.custom[key];
					return json(200, { custom: customer.attributes.custom });
				},
			],
			[
				'GET',
				`${base}/customers/:uuid`,
				({ params }) => {
					if (!known.includes(params.uuid)) throw fail(404, 'Customer not found');
					return json(
						200,
						customerRecords.get(params.uuid) ?? { uuid: params.uuid, name: 'E2E customer' },
					);
				},
			],
			[
				'GET',
				`${base}/contacts`,
				({ query }) => {
					const filters = [
						'customer_uuid',
						'data_source_uuid',
						'email',
						'customer_external_id',
					].filter((f) => query.has(f));
					const all = [...contacts.values()].filter((c) =>
						filters.every((f) => c[f] === query.get(f)),
					);
					return json(200, page(all, query, query.get('customer_uuid')));
				},
			],
			['POST', `${base}/contacts`, ({ body }) => createContact(onlyKnown(body, CONTACT_FIELDS))],
			[
				'GET',
				`${base}/customers/:uuid/contacts`,
				({ params, query }) =>
					json(
						200,
						page(
							[...contacts.values()].filter((c) => c.customer_uuid === params.uuid),
							query,
							params.uuid,
						),
					),
			],
			[
				'POST',
				`${base}/customers/:uuid/contacts`,
				({ params, body }) =>
					createContact({
						...onlyKnown(
							body,
							CONTACT_FIELDS.filter((f) => f !== 'customer_uuid'),
						),
						customer_uuid: params.uuid,
					}),
			],
			['GET', `${base}/contacts/:uuid`, ({ params }) => json(200, findContact(params.uuid))],
			[
				'PATCH',
				`${base}/contacts/:uuid`,
				({ params, body }) => {
					const contact = findContact(params.uuid);
					const { custom, ...fields } = onlyKnown(
						body,
						CONTACT_FIELDS.filter((f) => f !== 'customer_uuid' && f !== 'data_source_uuid'),
					);
					Object.assign(contact, fields);
					if (custom !== undefined)
						contact.custom = { ...contact.custom, ...customAttributes(custom) };
					return json(200, contact);
				},
			],
			[
				'DELETE',
				`${base}/contacts/:uuid`,
				({ params }) => {
					contacts.delete(findContact(params.uuid).uuid);
					return json(200, {});
				},
			],
			[
				'POST',
				`${base}/contacts/:into/merge/:from`,
				({ params }) => {
					const into = findContact(params.into);
					const from = findContact(params.from);
					if (into === from) throw fail(422, 'Cannot merge a contact into itself');
					for (const [k, v] of Object.entries(from))
						if (into[k] === undefined || into[k] === null || into[k] === '') into[k] = v;
					into.custom = { ...from.custom, ...into.custom };
					contacts.delete(from.uuid);
					return json(200, into);
				},
			],
			[
				'GET',
				`${base}/customer_notes`,
				({ query }) => {
					const all = [...notes.values()].filter(
						(n) =>
							(!query.has('customer_uuid') || n.customer_uuid === query.get('customer_uuid')) &&
							(!query.has('type') || n.type === query.get('type')),
					);
					return json(200, page(all, query));
				},
			],
			[
				'POST',
				`${base}/customer_notes`,
				({ body }) => {
					onlyKnown(body, NOTE_FIELDS);
					if (!customerRecords.has(body.customer_uuid))
						throw fail(422, 'Customer not found', 'customer_uuid');
					if (!['note', 'call'].includes(body.type))
						throw fail(422, 'type must be note or call', 'type');
					const now = new Date().toISOString();
					const note = {
						uuid: uuid('cus_note'),
						text: '',
						author: body.author_email ?? null,
						call_duration: 0,
						created_at: now,
						updated_at: now,
						...body,
					};
					notes.set(note.uuid, note);
					return json(201, note);
				},
			],
			['GET', `${base}/customer_notes/:uuid`, ({ params }) => json(200, findNote(params.uuid))],
			[
				'PATCH',
				`${base}/customer_notes/:uuid`,
				({ params, body }) => {
					const note = findNote(params.uuid);
					Object.assign(
						note,
						onlyKnown(
							body,
							NOTE_FIELDS.filter((f) => f !== 'customer_uuid' && f !== 'type'),
						),
						{ updated_at: new Date().toISOString() },
					);
					return json(200, note);
				},
			],
			[
				'DELETE',
				`${base}/customer_notes/:uuid`,
				({ params }) => {
					notes.delete(findNote(params.uuid).uuid);
					return json(200, {});
				},
			],
		],
	});
	return Object.assign(fake, {
		state: { contacts, notes, customers: customerRecords, dataSources },
	});
}

module.exports = { createChartMogulFake };
