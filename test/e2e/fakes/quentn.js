'use strict';
/**
 * Fake Quentn (https://<system_id>.<server_id>.quentn.com/public/api/V1/), from help.quentn.com (Requests, Contact API, Terms API): Bearer key,
 * contacts by id or e-mail (always an array), bulk create, terms on a contact (JSON bodies on DELETE too),
 * the term catalogue paged by offset/limit (≤ 500, stop on a short page), comments paged by range/limit (≤ 50).
 * As the real API: 404 for an e-mail no contact has and for the terms of a contact that has none.
 * Custom fields (help.quentn.com "Custom fields API"): list, get by field name or ID, create from a label
 * (→ { success, field_name, field_id }), update, delete; the campaign API's trigger element (POST
 * /public/api/v1/cb/<id>, "Campaign API") takes a contact by id or mail with its fields and answers { id }.
 */
const { HttpError, json, createFake, readAuthorization } = require('./router');

const base = '/public/api/V1';

function createQuentnFake({ apiKey, terms: seedTerms = [] }) {
	const contacts = new Map();
	const terms = new Map();
	const comments = new Map(); // comment id -> comment
	let nextContact = 1;
	let nextTerm = 100;
	let nextComment = 9000;
	const customFields = new Map(); // field id -> field
	let nextField = 270;
	const fail = (status, message) => new HttpError(status, { error: true, message });
	for (const t of seedTerms)
		terms.set(nextTerm, {
			id: nextTerm++,
			name: t.name,
			description: t.description ?? '',
			deletion_blocked: false,
		});

	const findContact = (id) => {
		const c = contacts.get(Number(id));
		if (!c) throw fail(404, 'Contact not found');
		return c;
	};
	const pickFields = (contact, query) => {
		// "Contact Id will always be returned" (help.quentn.com Contact API, Retrieve a contact).
		const wanted = [
			'id',
			...(query.get('fields') || 'first_name,family_name,mail').split(',').filter(Boolean),
		];
		return Object.fromEntries(
			wanted.filter((f) => f in contact || f === 'id').map((f) => [f, contact[f] ?? null]),
		);
	};
	const validContact = (c) => {
		if (!c || typeof c !== 'object' || Array.isArray(c))
			throw fail(400, 'contact must be an object');
		const hasMail = typeof c.mail === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.mail);
		const hasAddress = [
			'first_name',
			'family_name',
			'ba_street',
			'ba_city',
			'ba_postal_code',
		].every((f) => c[f]);
		if (!hasMail && !hasAddress) throw fail(400, 'A contact needs a valid mail or a full address');
		if (
			c.terms !== undefined &&
			(!Array.isArray(c.terms) || c.terms.some((t) => !terms.has(Number(t))))
		)
			throw fail(400, 'Unknown term');
		return c;
	};
	// The contacts by e-mail, so a bulk create of 100,000 (the bench) is not quadratic. Contacts put into
	// `state.contacts` directly are not in it: while there are any, a miss looks through all of them.
	const byMail = new Map();
	let indexed = 0;
	const index = (contact) => contact.mail && byMail.set(contact.mail, contact);
	const findByMail = (mail) => {
		const hit = byMail.get(mail);
		if (hit && hit.mail === mail && contacts.get(hit.id) === hit) return hit;
		if (indexed === contacts.size) return undefined;
		contacts.forEach(index);
		indexed = contacts.size;
		return [...contacts.values()].find((x) => x.mail === mail);
	};
	const create = (c) => {
		const existing = c.mail ? findByMail(c.mail) : undefined;
		if (existing) {
			Object.assign(existing, c);
			index(existing);
			return existing;
		}
		const contact = {
			...c,
			id: nextContact++,
			terms: (c.terms ?? []).map(Number),
			created: Math.floor(Date.now() / 1000),
		};
		contacts.set(contact.id, contact);
		index(contact);
		indexed++;
		return contact;
	};
	const termIds = (body) => {
		if (!Array.isArray(body) || body.some((t) => !Number.isInteger(Number(t))))
			throw fail(400, 'Body must be a list of term ids');
		for (const t of body) if (!terms.has(Number(t))) throw fail(404, `Term ${t} not found`);
		return body.map(Number);
	};
	const contactTerms = (c) =>
		c.terms
			.map((id) => terms.get(id))
			.filter(Boolean)
			.map(({ id, name, description }) => ({ id, name, description }));

	const fake = createFake({
		name: 'Quentn',
		baseUrl: 'https://e2e.quentn.com',
		authorize(req) {
			const auth = readAuthorization(req);
			if (auth.scheme !== 'bearer' || auth.token !== apiKey) throw fail(401, 'Unauthorized');
		},
		routes: [
			['GET', `${base}/check-credentials`, () => json(200, { success: true })],
			[
				'POST',
				`${base}/contact`,
				({ body }) => {
					if (!body || typeof body !== 'object') throw fail(400, 'Body must be an object');
					return json(200, { id: create(validContact(body.contact)).id });
				},
			],
			[
				'POST',
				`${base}/contacts`,
				({ body }) => {
					if (!body || !Array.isArray(body.contacts)) throw fail(400, 'contacts must be a list');
					return json(
						200,
						body.contacts.map((c) => {
							try {
								return { id: create(validContact(c)).id, email: c.mail };
							} catch (error) {
								return {
									email: c?.mail,
									error: true,
									message: error.body?.message ?? String(error),
								};
							}
						}),
					);
				},
			],
			[
				'GET',
				`${base}/contact/:id`,
				({ params, query }) => {
					if (params.id.includes('@')) {
						const found = [...contacts.values()].filter((c) => c.mail === params.id);
						// No contact has the address: 404 (quentn-php ContactClient::findContactByMail catches it).
						if (!found.length) throw fail(404, 'Contact not found');
						return json(
							200,
							found.map((c) => pickFields(c, query)),
						);
					}
					return json(200, pickFields(findContact(params.id), query));
				},
			],
			[
				'PUT',
				`${base}/contact/:id`,
				({ params, body }) => {
					const c = findContact(params.id);
					if (!body || typeof body !== 'object' || Array.isArray(body))
						throw fail(400, 'Body must be an object');
					const { return_fields: _ignored, ...fields } = body;
					if (fields.mail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(fields.mail)))
						throw fail(400, 'Invalid mail');
					Object.assign(c, fields);
					index(c);
					return json(200, { success: 'true' });
				},
			],
			[
				'DELETE',
				`${base}/contact/:id`,
				({ params }) => {
					contacts.delete(findContact(params.id).id);
					indexed--;
					return json(200, { success: 'true' });
				},
			],
			[
				'GET',
				`${base}/contact/:id/terms`,
				({ params }) => {
					const found = contactTerms(findContact(params.id));
					// A contact without terms: 404 (quentn-php ContactClient::getContactTerms catches it).
					if (!found.length) throw fail(404, 'Contact has no terms');
					return json(200, found);
				},
			],
			[
				'POST',
				`${base}/contact/:id/terms`,
				({ params, body }) => {
					findContact(params.id).terms = termIds(body);
					return json(200, { success: true });
				},
			],
			[
				'PUT',
				`${base}/contact/:id/terms`,
				({ params, body }) => {
					const c = findContact(params.id);
					c.terms = [...new Set([...c.terms, ...termIds(body)])];
					return json(200, { success: true });
				},
			],
			[
				'DELETE',
				`${base}/contact/:id/terms`,
				({ params, body }) => {
					const c = findContact(params.id);
					const remove = new Set(termIds(body));
					c.terms = c.terms.filter((t) => !remove.has(t));
					return json(200, { success: true });
				},
			],
			[
				'GET',
				`${base}/contact/:id/comments`,
				({ params, query }) => {
					findContact(params.id);
					const limit = query.has('limit') ? Number(query.get('limit')) : 50;
					const range = query.has('range') ? Number(query.get('range')) : 0;
					if (
						!Number.isInteger(limit) ||
						limit < 1 ||
						limit > 50 ||
						!Number.isInteger(range) ||
						range < 0
					)
						throw fail(400, 'Invalid range or limit');
					const sort = query.get('sort') === 'desc' ? 'desc' : 'asc';
					const all = [...comments.values()].filter((c) => c.contact_id === Number(params.id));
					if (sort === 'desc') all.reverse();
					return json(200, {
						range,
						limit,
						sort,
						number_comments: all.length,
						number_ranges: Math.ceil(all.length / limit),
						comments: all.slice(range * limit, range * limit + limit),
					});
				},
			],
			[
				'POST',
				`${base}/contact/:id/comments`,
				({ params, body }) => {
					findContact(params.id);
					if (!body || typeof body.comment !== 'string' || !body.comment)
						throw fail(400, 'comment is required');
					const now = Math.floor(Date.now() / 1000);
					const comment = {
						id: nextComment++,
						contact_id: Number(params.id),
						uid: 1,
						created: now,
						changed: now,
						comment: body.comment,
					};
					comments.set(comment.id, comment);
					return json(200, { success: true, comment_id: comment.id });
				},
			],
			[
				'PUT',
				`${base}/contact/:id/comments`,
				({ params, body }) => {
					findContact(params.id);
					const comment = body && comments.get(Number(body.id));
					if (!comment || comment.contact_id !== Number(params.id))
						throw fail(404, 'Comment not found');
					if (typeof body.comment !== 'string' || !body.comment)
						throw fail(400, 'comment is required');
					Object.assign(comment, { comment: body.comment, changed: Math.floor(Date.now() / 1000) });
					return json(200, { success: true });
				},
			],
			[
				'DELETE',
				`${base}/contact/:id/comments`,
				({ params, body }) => {
					findContact(params.id);
					if (!Array.isArray(body) || !body.length)
						throw fail(400, 'Body must be a list of comment ids');
					for (const id of body) {
						const comment = comments.get(Number(id));
						if (!comment || comment.contact_id !== Number(params.id))
							throw fail(404, `Comment ${id} not found`);
						comments.delete(Number(id));
					}
					return json(200, { success: true });
				},
			],
			[
				'GET',
				`${base}/terms`,
				({ query }) => {
					const limit = query.has('limit') ? Number(query.get('limit')) : 500;
					const offset = query.has('offset') ? Number(query.get('offset')) : 0;
					if (
						!Number.isInteger(limit) ||
						limit < 1 ||
						limit > 500 ||
						!Number.isInteger(offset) ||
						offset < 0
					)
						throw fail(400, 'Invalid offset or limit');
					return json(200, [...terms.values()].slice(offset, offset + limit));
				},
			],
			[
				'POST',
				`${base}/terms`,
				({ body }) => {
					if (!body || typeof body.name !== 'string' || !body.name)
						throw fail(400, 'name is required');
					const existing = [...terms.values()].find((t) => t.name === body.name);
					if (existing) return json(200, { id: existing.id });
					const term = {
						id: nextTerm++,
						name: body.name,
						description: body.description ?? '',
						deletion_blocked: false,
					};
					terms.set(term.id, term);
					return json(200, { id: term.id });
				},
			],
			['GET', `${base}/terms/:id`, ({ params }) => json(200, findTerm(params.id))],
			[
				'PUT',
				`${base}/terms/:id`,
				({ params, body }) => {
					const term = findTerm(params.id);
					if (!body || typeof body !== 'object') throw fail(400, 'Body must be an object');
					if (body.name !== undefined) term.name = String(body.name);
					if (body.description !== undefined) term.description = String(body.description);
					return json(200, { success: true });
				},
			],
			[
				'DELETE',
				`${base}/terms/:id`,
				({ params }) => {
					terms.delete(findTerm(params.id).id);
					return json(200, { success: true });
				},
			],
			['GET', `${base}/custom-fields`, () => json(200, [...customFields.values()])],
			['GET', `${base}/custom-fields/:name`, ({ params }) => json(200, findField(params.name))],
			[
				'POST',
				`${base}/custom-fields`,
				({ body }) => {
					if (!body || typeof body.label !== 'string' || body.label.trim() === '')
						throw fail(400, 'A custom field needs a label');
					const slug = body.label
						.trim()
						.toLowerCase()
						.replace(/[^a-z0-9]+/g, '_')
						.replace(/^_|_$/g, '');
					const name = `field_${slug}`;
					if ([...customFields.values()].some((f) => f.field_name === name))
						throw fail(400, `A custom field named ${name} exists already`);
					const type = body.field_type ?? 'text';
					const field = {
						field_id: nextField++,
						field_name: name,
						label: body.label,
						description: body.description ?? '',
						type: `${type}_textfield`,
						field_type: type,
						required: Boolean(body.required),
					};
					customFields.set(field.field_id, field);
					return json(200, {
						success: true,
						field_name: field.field_name,
						field_id: field.field_id,
					});
				},
			],
			[
				'PUT',
				`${base}/custom-fields/:name`,
				({ params, body }) => {
					const field = findField(params.name);
					if (!body || typeof body !== 'object' || Array.isArray(body))
						throw fail(400, 'Body must be an object');
					for (const key of ['label', 'description'])
						if (key in body) field[key] = String(body[key]);
					if ('required' in body) field.required = Boolean(body.required);
					return json(200, { success: true });
				},
			],
			[
				'DELETE',
				`${base}/custom-fields/:name`,
				({ params }) => {
					const field = findField(params.name);
					customFields.delete(field.field_id);
					for (const contact of contacts.values()) delete contact[field.field_name];
					return json(200, { success: true });
				},
			],
			[
				'POST',
				'/public/api/v1/cb/:id',
				({ body }) => {
					if (!body || typeof body !== 'object' || Array.isArray(body))
						throw fail(400, 'Body must be a contact object');
					const unknown = Object.keys(body).find(
						(key) =>
							key.startsWith('field_') &&
							![...customFields.values()].some((f) => f.field_name === key),
					);
					if (unknown) throw fail(400, `Unknown contact field ${unknown}`);
					if (body.id !== undefined) {
						const { id, ...fields } = body;
						return json(200, { id: Object.assign(findContact(id), fields).id });
					}
					return json(200, { id: create(validContact(body)).id });
				},
			],
		],
	});

	function findField(nameOrId) {
		const field =
			customFields.get(Number(nameOrId)) ??
			[...customFields.values()].find((f) => f.field_name === nameOrId);
		if (!field) throw fail(404, 'Custom field not found');
		return field;
	}

	function findTerm(idOrName) {
		const term =
			terms.get(Number(idOrName)) ?? [...terms.values()].find((t) => t.name === idOrName);
		if (!term) throw fail(404, 'Term not found');
		return term;
	}

	return Object.assign(fake, { state: { contacts, terms, comments, customFields } });
}

module.exports = { createQuentnFake };
