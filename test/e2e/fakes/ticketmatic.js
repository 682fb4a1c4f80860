'use strict';
/**
 * Fake Ticketmatic (https://apps.ticketmatic.com/api/1/{accountname}), from ticketmatic.com/docs/api and tm-go:
 * HMAC request signing (`TM-HMAC-SHA256 key=.. ts=.. sign=..`, sign = hex HMAC-SHA256(secret, key + account + ts),
 * ts no older than 30 minutes) or Basic auth; limit/offset lists with `nbrofresults`; contacts, import (≤ 1000),
 * batch (refuses a batch without ids, which would touch every contact; update sets/adds/removes `updatefields`,
 * delete archives, merge archives the ids into `parameters.primary`), remarks, relation types.
 * Contacts carry createdts/lastupdatets ("YYYY-MM-DD HH:mm:ss", UTC, as in the seed); GET /contacts takes
 * lastupdatesince (inclusive) and orderby (name, lastupdatets, createdts), as tm-go's ContactQuery.
 */
const crypto = require('node:crypto');
const { HttpError, json, createFake, readAuthorization } = require('./router');

const MAX_SKEW_MS = 30 * 60 * 1000;

/** A Ticketmatic timestamp: "YYYY-MM-DD HH:mm:ss", UTC. */
const stamp = (ms = Date.now()) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const parseStamp = (text) => Date.parse(`${String(text).replace(' ', 'T')}Z`);

/** The signature Ticketmatic expects; exported so a test can check it against openssl. */
function ticketmaticSignature(secretKey, accessKey, accountName, ts) {
	return crypto
		.createHmac('sha256', secretKey)
		.update(`${accessKey}${accountName}${ts}`)
		.digest('hex');
}

function createTicketmaticFake({
	accountName,
	accessKey,
	secretKey,
	relationTypes = [
		{ id: 1, name: 'Press' },
		{ id: 2, name: 'VIP' },
	],
	seedContacts = 0,
	datedContacts = [],
	maxLimit = Infinity,
	total = 'count',
	requests,
}) {
	const contacts = new Map();
	const remarks = new Map(); // remark id -> { contactid, ...remark }
	let nextContact = 10001;
	let listDelayMs = 0;
	let nextRemark = 501;
	const base = `/api/1/${accountName}`;
	const fail = (status, message) =>
		new HttpError(status, { code: status, message, applicationcode: 0, applicationdata: null });

	function verifyHmac(header) {
		const fields = Object.fromEntries(
			header
				.replace(/^TM-HMAC-SHA256\s+/, '')
				.split(/\s+/)
				.map((part) => part.split('='))
				.filter((kv) => kv.length === 2),
		);
		if (fields.key !== accessKey) throw fail(401, 'Unknown access key');
		if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(fields.ts || ''))
			throw fail(401, `Malformed timestamp "${fields.ts}" (want YYYY-MM-DDTHH:mm:ss, UTC)`);
		const skew = Math.abs(Date.now() - Date.parse(`${fields.ts}Z`));
		if (!(skew <= MAX_SKEW_MS)) throw fail(401, 'Timestamp is more than 30 minutes off');
		const expected = ticketmaticSignature(secretKey, accessKey, accountName, fields.ts);
		if (fields.sign !== expected) throw fail(401, 'Invalid signature');
	}

	const findContact = (id) => {
		const contact = contacts.get(Number(id));
		if (!contact) throw fail(404, `Contact ${id} not found`);
		return contact;
	};
	const contactInput = (body) => {
		if (!body || typeof body !== 'object' || Array.isArray(body))
			throw fail(400, 'Body must be a contact object');
		if (
			body.email !== undefined &&
			body.email !== '' &&
			!/^[^@\s]+@[^@\s]+$/.test(String(body.email))
		)
			throw fail(400, `Invalid e-mail "${body.email}"`);
		if (
			body.relationtypes !== undefined &&
			(!Array.isArray(body.relationtypes) ||
				body.relationtypes.some((r) => !relationTypes.some((t) => t.id === r)))
		) {
			throw fail(400, 'relationtypes must be a list of existing relation type ids');
		}
		const { id, ...fields } = body;
		return fields;
	};
	const createContact = (fields, id) => {
		const now = stamp();
		const contact = {
			id: id ?? nextContact++,
			firstname: '',
			lastname: '',
			email: '',
			relationtypes: [],
			isdeleted: false,
			...fields,
			createdts: now,
			lastupdatets: now,
		};
		contacts.set(contact.id, contact);
		return contact;
	};
	const updateContact = (contact, fields) =>
		Object.assign(contact, fields, { lastupdatets: stamp() });
	const ids = (value, what) => {
		if (!Array.isArray(value) || !value.length || value.some((v) => !Number.isInteger(v)))
			throw fail(400, `${what} must be a non-empty list of integer ids`);
		if (value.length > 1000) throw fail(400, `${what}: at most 1000 ids per call`);
		return value;
	};

	// Batch update rows (tm-go types.go BatchContactUpdateField): customertitleid, languagecode or a custom field c_<key>.
	const updateFields = (rows) => {
		if (!Array.isArray(rows) || !rows.length)
			throw fail(400, 'update needs parameters.updatefields, a non-empty list');
		for (const row of rows) {
			if (!/^(customertitleid|languagecode|c_[A-Za-z0-9_]+)$/.test(String(row?.key)))
				throw fail(400, `Field "${row?.key}" cannot be updated in a batch`);
			if (!['set', 'add', 'remove'].includes(row.updatetype))
				throw fail(400, `Invalid updatetype "${row.updatetype}"`);
		}
		return rows;
	};
	const applyUpdate = (contact, rows) => {
		const changes = {};
		for (const { key, updatetype, value } of rows) {
			const current = key in changes ? changes[key] : contact[key];
			if (updatetype === 'set') changes[key] = value;
			else {
				const list = Array.isArray(current) ? current : current === undefined ? [] : [current];
				changes[key] =
					updatetype === 'add' ? [...new Set([...list, value])] : list.filter((v) => v !== value);
			}
		}
		return changes;
	};
	// Contacts last changed at given UTC times ("YYYY-MM-DD HH:mm:ss"), for lists filtered by lastupdatesince.
	for (const { lastupdatets, ...fields } of datedContacts)
		Object.assign(createContact(fields), { createdts: lastupdatets, lastupdatets });

	for (let i = 1; i <= seedContacts; i++)
		createContact({
			firstname: 'Seed',
			lastname: `Contact ${i}`,
			email: `seed${i}@${accountName}.example.org`,
		});

	const fake = createFake({
		name: 'Ticketmatic',
		baseUrl: 'https://apps.ticketmatic.com',
		requests,
		authorize(req, url) {
			if (url.pathname === `${base}/diagnostics/time`) return;
			const header = String(req.headers.authorization || '');
			if (header.startsWith('TM-HMAC-SHA256 ')) verifyHmac(header);
			else {
				const auth = readAuthorization(req);
				if (auth.scheme !== 'basic' || auth.user !== accessKey || auth.password !== secretKey)
					throw fail(401, 'Missing or invalid authorization');
			}
			if (!url.pathname.startsWith(`${base}/`))
				throw fail(403, 'Key is not valid for this account');
		},
		routes: [
			[
				'GET',
				`${base}/diagnostics/time`,
				() => json(200, { systemtime: new Date().toISOString() }),
			],
			[
				'GET',
				`${base}/tools/account`,
				() => json(200, { id: 1, name: 'E2E account', shortname: accountName }),
			],
			[
				'GET',
				`${base}/contacts`,
				async ({ query }) => {
					// A slow account: a change listing (lastupdatesince) answers after `listDelayMs`, as a loaded server would.
					if (listDelayMs && query.has('lastupdatesince')) await sleep(listDelayMs);
					const limit = query.has('limit') ? Number(query.get('limit')) : 100;
					const offset = query.has('offset') ? Number(query.get('offset')) : 0;
					if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0)
						throw fail(400, 'Invalid limit or offset');
					const term = (query.get('searchterm') || '').toLowerCase();
					const since = query.has('lastupdatesince')
						? parseStamp(query.get('lastupdatesince'))
						: undefined;
					if (Number.isNaN(since))
						throw fail(400, `Invalid lastupdatesince "${query.get('lastupdatesince')}"`);
					const orderBy = query.get('orderby');
					if (orderBy && !['name', 'lastupdatets', 'createdts'].includes(orderBy))
						throw fail(400, `Invalid orderby "${orderBy}"`);
					const all = [...contacts.values()].filter(
						(c) =>
							(query.get('includearchived') === 'true' || !c.isdeleted) &&
							(!term ||
								JSON.stringify([c.firstname, c.lastname, c.email]).toLowerCase().includes(term)) &&
							(since === undefined || parseStamp(c.lastupdatets) >= since),
					);
					if (orderBy === 'lastupdatets' || orderBy === 'createdts')
						// "YYYY-MM-DD HH:mm:ss" sorts as text in time order (cheap for a 20,000-change backlog).
						all.sort((a, b) =>
							a[orderBy] === b[orderBy] ? a.id - b.id : a[orderBy] < b[orderBy] ? -1 : 1,
						);
					// Ticketmatic documents no maximum page length; `maxLimit` is a server that uses a shorter page than asked.
					const data = all.slice(offset, offset + Math.min(limit, maxLimit));
					// `nbrofresults` (tm-go ContactQuery list result); `total` 'missing' or 'null' is a server that leaves it out.
					if (total === 'missing') return json(200, { data });
					return json(200, { data, nbrofresults: total === 'null' ? null : all.length });
				},
			],
			['POST', `${base}/contacts`, ({ body }) => json(200, createContact(contactInput(body)))],
			[
				'POST',
				`${base}/contacts/import`,
				({ body }) => {
					if (!Array.isArray(body)) throw fail(400, 'Import expects a list of contacts');
					if (body.length > 1000) throw fail(400, 'At most 1000 contacts per import');
					return json(
						200,
						body.map((c) => {
							try {
								if (c && c.id !== undefined && contacts.has(Number(c.id))) {
									updateContact(contacts.get(Number(c.id)), contactInput(c));
									return { id: Number(c.id), ok: true };
								}
								return { id: createContact(contactInput(c)).id, ok: true };
							} catch (error) {
								return { id: 0, ok: false, error: error.body?.message ?? String(error) };
							}
						}),
					);
				},
			],
			[
				'POST',
				`${base}/contacts/batch`,
				({ body }) => {
					if (!body || typeof body !== 'object') throw fail(400, 'Body must be an object');
					// The real API applies a batch without ids to ALL contacts; the fake refuses it so a test notices.
					if (body.ids === undefined)
						throw fail(400, 'FAKE: batch without ids would change every contact');
					const targets = ids(body.ids, 'ids').map(findContact);
					const op = body.operation;
					if (op === 'addrelationtypes' || op === 'removerelationtypes') {
						const typeIds = ids(body.parameters?.ids, 'parameters.ids');
						if (typeIds.some((r) => !relationTypes.some((t) => t.id === r)))
							throw fail(400, 'Unknown relation type');
						for (const c of targets) {
							const set = new Set(c.relationtypes);
							typeIds.forEach((r) => (op === 'addrelationtypes' ? set.add(r) : set.delete(r)));
							updateContact(c, { relationtypes: [...set] });
						}
					} else if (op === 'update') {
						const fields = updateFields(body.parameters?.updatefields);
						for (const c of targets) updateContact(c, applyUpdate(c, fields));
					} else if (op === 'delete') {
						for (const c of targets) updateContact(c, { isdeleted: true }); // archived, as DELETE /contacts/{id}
					} else if (op === 'merge') {
						const primary = body.parameters?.primary;
						if (!Number.isInteger(primary)) throw fail(400, 'merge needs parameters.primary');
						const into = findContact(primary);
						if (targets.includes(into))
							throw fail(400, 'The primary contact cannot be merged into itself');
						for (const c of targets) updateContact(c, { isdeleted: true, mergedinto: into.id });
						updateContact(into, {});
					} else if (!['subscribe', 'unsubscribe'].includes(op)) {
						throw fail(400, `Unknown batch operation "${op}"`);
					}
					return json(200, '');
				},
			],
			[
				'GET',
				`${base}/contacts/:id`,
				({ params, query }) => {
					if (params.id === '0') {
						const email = query.get('email');
						const match = [...contacts.values()].find(
							(c) => !c.isdeleted && email && c.email.toLowerCase() === email.toLowerCase(),
						);
						if (!match) throw fail(404, `No contact with e-mail ${email}`);
						return json(200, match);
					}
					return json(200, findContact(params.id));
				},
			],
			[
				'PUT',
				`${base}/contacts/:id`,
				({ params, body }) => json(200, updateContact(findContact(params.id), contactInput(body))),
			],
			[
				'DELETE',
				`${base}/contacts/:id`,
				({ params }) => {
					updateContact(findContact(params.id), { isdeleted: true }); // Ticketmatic archives
					return json(200, '');
				},
			],
			[
				'POST',
				`${base}/contacts/:id/remarks`,
				({ params, body }) => {
					findContact(params.id);
					if (!body || typeof body.content !== 'string' || !body.content)
						throw fail(400, 'A remark needs content');
					const remark = {
						id: nextRemark++,
						content: body.content,
						pinned: Boolean(body.pinned),
						contactid: Number(params.id),
					};
					remarks.set(remark.id, remark);
					return json(200, remark);
				},
			],
			[
				'GET',
				`${base}/contacts/:id/remarks/:remarkId`,
				({ params }) => json(200, findRemark(params)),
			],
			[
				'PUT',
				`${base}/contacts/:id/remarks/:remarkId`,
				({ params, body }) => {
					const remark = findRemark(params);
					if (!body || typeof body !== 'object') throw fail(400, 'Body must be a remark');
					if (body.content !== undefined) remark.content = String(body.content);
					if (body.pinned !== undefined) remark.pinned = Boolean(body.pinned);
					return json(200, remark);
				},
			],
			[
				'DELETE',
				`${base}/contacts/:id/remarks/:remarkId`,
				({ params }) => {
					remarks.delete(findRemark(params).id);
					return json(200, '');
				},
			],
			[
				'GET',
				`${base}/settings/system/relationtypes`,
				() => json(200, { data: relationTypes, nbrofresults: relationTypes.length }),
			],
			[
				'GET',
				`${base}/settings/system/relationtypes/:id`,
				({ params }) => {
					const type = relationTypes.find((t) => t.id === Number(params.id));
					if (!type) throw fail(404, `Relation type ${params.id} not found`);
					return json(200, type);
				},
			],
		],
	});

	function findRemark({ id, remarkId }) {
		findContact(id);
		const remark = remarks.get(Number(remarkId));
		if (!remark || remark.contactid !== Number(id)) throw fail(404, `Remark ${remarkId} not found`);
		return remark;
	}

	/** Moves every contact's times `ms` into the past (a trigger test starts on an account with no recent changes). */
	const backdate = (ms) => {
		for (const c of contacts.values()) {
			c.createdts = stamp(parseStamp(c.createdts) - ms);
			c.lastupdatets = stamp(parseStamp(c.lastupdatets) - ms);
		}
	};
	/**
	 * A bulk import now: `created` new contacts and `updated` changes of contacts a day old, interleaved (the
	 * listing orders the same second by id), so every page holds both kinds.
	 */
	const backlog = ({ created, updated }) => {
		const old = [];
		const fresh = [];
		for (let i = 0; i < Math.max(created, updated); i++) {
			if (i < updated) old.push(createContact({ firstname: 'Old', lastname: `Backlog ${i}` }));
			if (i < created) fresh.push(createContact({ firstname: 'New', lastname: `Backlog ${i}` }));
		}
		const dayAgo = stamp(Date.now() - 86_400_000);
		for (const c of old) c.createdts = c.lastupdatets = dayAgo;
		for (const c of old) updateContact(c, { firstname: 'Changed' });
		return { created: fresh.map((c) => c.id), updated: old.map((c) => c.id) };
	};

	// createContact/updateContact: for tests that change the account between two polls, as a Ticketmatic user would.
	return Object.assign(fake, {
		state: { contacts, remarks, relationTypes },
		createContact: (fields) => createContact(fields),
		updateContact,
		backdate,
		backlog,
		setListDelay: (ms) => (listDelayMs = ms),
	});
}

/**
 * Several accounts on one server (https://apps.ticketmatic.com/api/1/{accountname}): each request goes to the fake of
 * the account in its path (the first account for any other path, which refuses it); one request log for all. The
 * result is the first account's fake (its state and helpers) with the shared log.
 */
function ticketmaticAccounts(...accounts) {
	const requests = [];
	const fakes = accounts.map((options) => createTicketmaticFake({ ...options, requests }));
	const [first] = fakes;
	const byAccount = new Map(accounts.map((a, i) => [`/api/1/${a.accountName}/`, fakes[i]]));
	return Object.assign(Object.create(first), {
		requests,
		accounts: Object.fromEntries(accounts.map((a, i) => [a.accountName, fakes[i]])),
		handle(req, rawBody, host) {
			const pathname = new URL(req.url, first.baseUrl).pathname;
			const target = [...byAccount].find(([prefix]) => pathname.startsWith(prefix))?.[1] ?? first;
			return target.handle(req, rawBody, host);
		},
	});
}

module.exports = { createTicketmaticFake, ticketmaticAccounts, ticketmaticSignature };
