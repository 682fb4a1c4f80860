'use strict';
/**
 * The fakes are test code too: check that they refuse what the real APIs refuse. Run with
 * `node --test test/e2e/fakes/` (the e2e runner does it first).
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const { createTicketSourceFake } = require('./ticketsource');
const {
	createTicketmaticFake,
	ticketmaticAccounts,
	ticketmaticSignature,
} = require('./ticketmatic');
const { createQuentnFake } = require('./quentn');
const { createChartMogulFake } = require('./chartmogul');
const { createJtelFake } = require('./jtel');
const { wan } = require('./wan');

function call(fake, method, url, { headers = {}, body } = {}) {
	const raw =
		body === undefined
			? Buffer.alloc(0)
			: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	const req = { method, url, headers: { 'content-type': 'application/json', ...headers } };
	return fake.handle(req, raw);
}
const bearer = (t) => ({ authorization: `Bearer ${t}` });
const basic = (u, p) => ({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });

test('TicketSource: auth, envelope, paging by links.next', async () => {
	const fake = createTicketSourceFake({ apiKey: 'skl-k', seedCustomers: 12 });
	assert.equal((await call(fake, 'GET', '/customers')).status, 401);
	assert.equal((await call(fake, 'GET', '/customers', { headers: bearer('skl-x') })).status, 401);
	assert.equal(
		(await call(fake, 'GET', '/customers', { headers: basic('skl-k', '') })).status,
		200,
	);
	const first = await call(fake, 'GET', '/customers?per_page=10', { headers: bearer('skl-k') });
	assert.equal(first.body.data.length, 10);
	assert.equal(first.body.links.next, 'https://api.ticketsource.io/customers?page=2');
	const second = await call(fake, 'GET', '/customers?page=2&per_page=10', {
		headers: bearer('skl-k'),
	});
	assert.equal(second.body.data.length, 2);
	assert.equal(second.body.links.next, null);
	assert.equal(
		(
			await call(fake, 'POST', '/customers', {
				headers: bearer('skl-k'),
				body: { first_name: 'A' },
			})
		).status,
		400,
	);
	assert.equal(
		(await call(fake, 'POST', '/customers', { headers: bearer('skl-k'), body: '{"data":' })).status,
		400,
	);
	const created = await call(fake, 'POST', '/customers', {
		headers: bearer('skl-k'),
		body: {
			data: {
				type: 'customer',
				attributes: { first_name: 'A', last_name: 'B', email: 'a@b.example', phone: '1' },
			},
		},
	});
	assert.equal(created.status, 201);
	assert.equal(created.body.data.attributes.telephone, '1');
	const id = created.body.data.id;
	const mismatch = await call(fake, 'PATCH', `/customers/${id}`, {
		headers: bearer('skl-k'),
		body: { data: { type: 'customer', id: 'cst-other', attributes: {} } },
	});
	assert.equal(mismatch.status, 409);
	assert.equal(
		(await call(fake, 'DELETE', `/customers/${id}`, { headers: bearer('skl-k') })).status,
		204,
	);
});

test('Ticketmatic: HMAC signature as documented, basic auth, no batch without ids', async () => {
	// The documented worked example, computed independently with openssl.
	const viaOpenssl = execFileSync('openssl', ['dgst', '-sha256', '-hmac', 'secretkey'], {
		input: 'accesskeytestaccount2014-09-23T17:23:00',
	})
		.toString()
		.trim()
		.split(' ')
		.pop();
	assert.equal(
		ticketmaticSignature('secretkey', 'accesskey', 'testaccount', '2014-09-23T17:23:00'),
		viaOpenssl,
	);

	const fake = createTicketmaticFake({
		accountName: 'testaccount',
		accessKey: 'accesskey',
		secretKey: 'secretkey',
	});
	const ts = new Date().toISOString().slice(0, 19);
	const sign = (t, s = ticketmaticSignature('secretkey', 'accesskey', 'testaccount', t)) => ({
		authorization: `TM-HMAC-SHA256 key=accesskey ts=${t} sign=${s}`,
	});
	assert.equal(
		(await call(fake, 'GET', '/api/1/testaccount/tools/account', { headers: sign(ts) })).status,
		200,
	);
	assert.equal(
		(await call(fake, 'GET', '/api/1/testaccount/tools/account', { headers: sign(ts, 'bad') }))
			.status,
		401,
	);
	assert.equal(
		(
			await call(fake, 'GET', '/api/1/testaccount/tools/account', {
				headers: sign('2014-09-23T17:23:00'),
			})
		).status,
		401,
		'stale timestamp',
	);
	assert.equal(
		(await call(fake, 'GET', '/api/1/testaccount/tools/account', { headers: sign(`${ts}.000Z`) }))
			.status,
		401,
		'timestamp with ms',
	);
	assert.equal(
		(
			await call(fake, 'GET', '/api/1/testaccount/tools/account', {
				headers: basic('accesskey', 'secretkey'),
			})
		).status,
		200,
	);
	assert.equal((await call(fake, 'GET', '/api/1/testaccount/diagnostics/time')).status, 200);
	const c = await call(fake, 'POST', '/api/1/testaccount/contacts', {
		headers: sign(ts),
		body: { firstname: 'A', email: 'a@b.example' },
	});
	assert.equal(c.status, 200);
	const batch = await call(fake, 'POST', '/api/1/testaccount/contacts/batch', {
		headers: sign(ts),
		body: { operation: 'addrelationtypes', parameters: { ids: [1] } },
	});
	assert.equal(batch.status, 400);
	const ok = await call(fake, 'POST', '/api/1/testaccount/contacts/batch', {
		headers: sign(ts),
		body: { ids: [c.body.id], operation: 'addrelationtypes', parameters: { ids: [1] } },
	});
	assert.equal(ok.status, 200);
	assert.deepEqual(fake.state.contacts.get(c.body.id).relationtypes, [1]);
	const imported = await call(fake, 'POST', '/api/1/testaccount/contacts/import', {
		headers: sign(ts),
		body: [{ email: 'x@y.example' }, { email: 'not-an-address' }],
	});
	assert.deepEqual(
		imported.body.map((r) => r.ok),
		[true, false],
	);
});

test('Ticketmatic: accounts on one server; a capped page length; no nbrofresults', async () => {
	const keys = { accessKey: 'k', secretKey: 's' };
	const fake = ticketmaticAccounts(
		{ ...keys, accountName: 'main' },
		{ ...keys, accountName: 'capped', seedContacts: 250, maxLimit: 100 },
		{ ...keys, accountName: 'nototal', seedContacts: 30, total: 'missing' },
		{ ...keys, accountName: 'nulltotal', seedContacts: 30, total: 'null' },
	);
	const h = basic('k', 's');
	const list = async (account, qs) =>
		(await call(fake, 'GET', `/api/1/${account}/contacts?${qs}`, { headers: h })).body;
	assert.equal((await list('main', 'limit=1000')).nbrofresults, 0);
	const capped = await list('capped', 'limit=1000&offset=0');
	assert.equal(capped.data.length, 100, 'the server uses its own page length');
	assert.equal(capped.nbrofresults, 250);
	assert.equal((await list('capped', 'limit=1000&offset=200')).data.length, 50);
	const noTotal = await list('nototal', 'limit=1000');
	assert.equal(noTotal.data.length, 30);
	assert.equal('nbrofresults' in noTotal, false);
	assert.equal((await list('nulltotal', 'limit=1000')).nbrofresults, null);
	assert.equal(
		(await call(fake, 'GET', '/api/1/other/contacts', { headers: h })).status,
		403,
		'an account the server does not have',
	);
	// One log for every account, and the first account's state and helpers.
	assert.deepEqual(
		fake.requests.map((r) => r.path.split('/')[3]),
		['main', 'capped', 'capped', 'nototal', 'nulltotal', 'other'],
	);
	assert.equal(fake.state, fake.accounts.main.state);
	assert.equal(fake.accounts.capped.state.contacts.size, 250);
});

test('Ticketmatic: a slow change listing, a bulk import interleaved by id, times moved back', async () => {
	const fake = createTicketmaticFake({ accountName: 'main', accessKey: 'k', secretKey: 's' });
	const h = basic('k', 's');
	const since = new Date(Date.now() - 60_000).toISOString().slice(0, 19).replace('T', ' ');
	const list = async (offset) =>
		(
			await call(
				fake,
				'GET',
				`/api/1/main/contacts?lastupdatesince=${encodeURIComponent(since)}&orderby=lastupdatets&limit=4&offset=${offset}`,
				{ headers: h },
			)
		).body;
	const { created, updated } = fake.backlog({ created: 3, updated: 3 });
	const page = await list(0);
	assert.equal(page.nbrofresults, 6);
	assert.deepEqual(
		page.data.map((c) => (created.includes(c.id) ? 'new' : 'changed')),
		['changed', 'new', 'changed', 'new'],
		'both kinds on every page',
	);
	assert.ok(updated.every((id) => fake.state.contacts.get(id).createdts < since));
	fake.setListDelay(50);
	const t0 = Date.now();
	await list(4);
	assert.ok(Date.now() - t0 >= 45, 'the listing answers after the delay');
	fake.setListDelay(0);
	fake.backdate(86_400_000);
	assert.equal((await list(0)).nbrofresults, 0, 'nothing changed in the last day any more');
});

test('Quentn: bearer, lookup by e-mail is a list (404 when none), terms paged (404 when none)', async () => {
	const fake = createQuentnFake({ apiKey: 'q', terms: [{ name: 'Newsletter' }] });
	const h = bearer('q');
	assert.equal(
		(await call(fake, 'GET', '/public/api/V1/check-credentials', { headers: bearer('x') })).status,
		401,
	);
	assert.equal(
		(
			await call(fake, 'POST', '/public/api/V1/contact', {
				headers: h,
				body: { contact: { first_name: 'A' } },
			})
		).status,
		400,
	);
	const created = await call(fake, 'POST', '/public/api/V1/contact', {
		headers: h,
		body: { contact: { mail: 'a@b.example', first_name: 'A' } },
	});
	assert.ok(created.body.id);
	const byMail = await call(fake, 'GET', '/public/api/V1/contact/a@b.example', { headers: h });
	assert.ok(Array.isArray(byMail.body));
	// As the real API (quentn-php findContactByMail, getContactTerms): 404 for an unknown e-mail and for no terms.
	assert.equal(
		(await call(fake, 'GET', '/public/api/V1/contact/nobody@b.example', { headers: h })).status,
		404,
	);
	assert.equal(
		(await call(fake, 'GET', `/public/api/V1/contact/${created.body.id}/terms`, { headers: h }))
			.status,
		404,
	);
	assert.equal(
		(
			await call(fake, 'PUT', `/public/api/V1/contact/${created.body.id}/terms`, {
				headers: h,
				body: [100],
			})
		).status,
		200,
	);
	const tagged = await call(fake, 'GET', `/public/api/V1/contact/${created.body.id}/terms`, {
		headers: h,
	});
	assert.deepEqual(
		tagged.body.map((t) => t.id),
		[100],
	);
	assert.equal(
		(
			await call(fake, 'DELETE', `/public/api/V1/contact/${created.body.id}/terms`, {
				headers: h,
				body: [999],
			})
		).status,
		404,
	);
	assert.equal(
		(await call(fake, 'GET', '/public/api/V1/terms?limit=501', { headers: h })).status,
		400,
	);
});

test('ChartMogul: basic auth with empty password, cursor paging, custom as list in, object out', async () => {
	const fake = createChartMogulFake({ apiKey: 'cm' });
	assert.equal((await call(fake, 'GET', '/v1/ping', { headers: basic('cm', 'x') })).status, 401);
	const h = basic('cm', '');
	assert.deepEqual((await call(fake, 'GET', '/v1/ping', { headers: h })).body, { data: 'pong!' });
	for (let i = 0; i < 3; i++) {
		const r = await call(fake, 'POST', '/v1/contacts', {
			headers: h,
			body: {
				customer_uuid: 'cus_e2e-0001',
				data_source_uuid: 'ds_e2e-0001',
				email: `c${i}@x.example`,
				custom: [{ key: 'k', value: i }],
			},
		});
		assert.equal(r.status, 201);
		assert.deepEqual(r.body.custom, { k: i });
	}
	const p1 = await call(fake, 'GET', '/v1/contacts?per_page=2', { headers: h });
	assert.equal(p1.body.has_more, true);
	const p2 = await call(fake, 'GET', `/v1/contacts?per_page=2&cursor=${p1.body.cursor}`, {
		headers: h,
	});
	assert.equal(p2.body.entries.length, 1);
	assert.equal(p2.body.has_more, false);
	assert.equal(
		(
			await call(fake, 'POST', '/v1/contacts', {
				headers: h,
				body: { customer_uuid: 'cus_e2e-0001', data_source_uuid: 'ds_e2e-0001', customerUUID: 'x' },
			})
		).status,
		422,
	);
});

test('ChartMogul: the contact list of a stuck customer repeats its cursor', async () => {
	const fake = createChartMogulFake({ apiKey: 'cm', stuckCustomers: ['cus_stuck'] });
	const h = basic('cm', '');
	const first = await call(fake, 'GET', '/v1/contacts?customer_uuid=cus_stuck&per_page=200', {
		headers: h,
	});
	assert.equal(first.body.entries.length, 1);
	assert.equal(first.body.has_more, true);
	const again = await call(
		fake,
		'GET',
		`/v1/contacts?customer_uuid=cus_stuck&per_page=200&cursor=${first.body.cursor}`,
		{ headers: h },
	);
	assert.deepEqual(again.body, first.body);
	const nested = await call(fake, 'GET', '/v1/customers/cus_stuck/contacts', { headers: h });
	assert.equal(nested.body.cursor, first.body.cursor);
	// Other customers page as usual.
	const normal = await call(fake, 'GET', '/v1/contacts?customer_uuid=cus_e2e-0001', { headers: h });
	assert.equal(normal.body.has_more, false);
});

test('ChartMogul: customer tags by e-mail and custom attributes (typed on add, existing only on update)', async () => {
	const fake = createChartMogulFake({ apiKey: 'cm' });
	const h = basic('cm', '');
	const cus = '/v1/customers/cus_e2e-0001/attributes';
	const tagged = await call(fake, 'POST', '/v1/customers/attributes/tags', {
		headers: h,
		body: { email: 'ada@e2e.example.org', tags: ['vip'] },
	});
	assert.deepEqual(
		tagged.body.entries.map((c) => [c.uuid, c.attributes.tags]),
		[['cus_e2e-0001', ['vip']]],
	);
	const none = { email: 'nobody@example.org', tags: ['vip'] };
	assert.equal(
		(await call(fake, 'POST', '/v1/customers/attributes/tags', { headers: h, body: none })).status,
		404,
	);
	const empty = { email: 'ada@e2e.example.org', tags: [] };
	assert.equal(
		(await call(fake, 'POST', '/v1/customers/attributes/tags', { headers: h, body: empty })).status,
		422,
	);
	const add = (custom) => call(fake, 'POST', `${cus}/custom`, { headers: h, body: { custom } });
	assert.equal((await add([{ type: 'Integer', key: 'age', value: '8' }])).status, 422);
	assert.equal((await add([{ type: 'Float', key: 'age', value: 8 }])).status, 422);
	assert.deepEqual((await add([{ type: 'Integer', key: 'age', value: 8, source: 'crm' }])).body, {
		custom: { age: 8 },
	});
	const put = (custom) => call(fake, 'PUT', `${cus}/custom`, { headers: h, body: { custom } });
	assert.equal((await put({ pro: true })).status, 422);
	assert.deepEqual((await put({ age: { value: 9, source: 'crm' } })).body, { custom: { age: 9 } });
	const removed = await call(fake, 'DELETE', `${cus}/custom`, {
		headers: h,
		body: { custom: ['age'] },
	});
	assert.deepEqual(removed.body, { custom: {} });
	const read = await call(fake, 'GET', cus, { headers: h });
	assert.deepEqual([read.body.tags, read.body.custom], [['vip'], {}]);
	assert.equal(
		(await call(fake, 'GET', '/v1/customers/cus_nope/attributes', { headers: h })).status,
		404,
	);
	assert.equal(
		(await call(fake, 'GET', '/v1/customers/search?email=nobody@example.org', { headers: h }))
			.status,
		404,
	);
	// A seeded contact's address finds its customer only with with_associated_emails=true.
	const seeded = createChartMogulFake({ apiKey: 'cm', seedContacts: 1 });
	const search = (q) =>
		call(seeded, 'GET', `/v1/customers/search?email=seed1@example.org${q}`, { headers: h });
	assert.equal((await search('')).status, 404);
	const associated = await search('&with_associated_emails=true');
	assert.deepEqual(
		associated.body.entries.map((c) => c.uuid),
		['cus_e2e-0001'],
	);
});

test('ChartMogul: the contact list of an alternating customer gives new cursors over two alternating pages', async () => {
	const fake = createChartMogulFake({ apiKey: 'cm', alternatingCustomers: ['cus_alt'] });
	const h = basic('cm', '');
	const pages = [];
	let cursor;
	for (let i = 0; i < 4; i++) {
		const query = `customer_uuid=cus_alt&per_page=200${cursor ? `&cursor=${cursor}` : ''}`;
		const { body } = await call(fake, 'GET', `/v1/contacts?${query}`, { headers: h });
		assert.equal(body.has_more, true);
		pages.push(body);
		cursor = body.cursor;
	}
	assert.equal(new Set(pages.map((p) => p.cursor)).size, 4);
	const emails = pages.map((p) => p.entries.map((c) => c.email).join());
	assert.deepEqual(emails, [emails[0], emails[1], emails[0], emails[1]]);
	assert.notEqual(emails[0], emails[1]);
});

test('jtel: bearer and ClientsID, one contact per import, overwrite by UserData', async () => {
	const fake = createJtelFake({ host: 'jtel.e2e.test', clientsId: 42, token: 't' });
	const h = bearer('t');
	assert.equal(
		(await call(fake, 'GET', '/rest/v1.0/43/dialler/campaigns', { headers: h })).status,
		401,
	);
	assert.equal(
		(await call(fake, 'GET', '/rest/v1.0/42/dialler/campaigns', { headers: h })).body.count,
		1,
	);
	assert.equal(
		(
			await call(fake, 'POST', '/rest/v1.0/42/dialler/contacts/import', {
				headers: h,
				body: [{ Name: 'A' }],
			})
		).status,
		400,
	);
	const contact = {
		Name: 'A',
		DiallerCampaignsName: 'E2E campaign',
		PhoneNumber1: '+49',
		UserData: 'u1',
	};
	const first = await call(
		fake,
		'POST',
		'/rest/v1.0/42/dialler/contacts/import?overwriteDuplicates=true',
		{ headers: h, body: contact },
	);
	const again = await call(
		fake,
		'POST',
		'/rest/v1.0/42/dialler/contacts/import?overwriteDuplicates=true',
		{ headers: h, body: { ...contact, Name: 'B' } },
	);
	assert.equal(first.body.records[0].ID, again.body.records[0].ID);
	const lookup = (body) =>
		call(fake, 'POST', '/rest/v1.0/42/dialler/contacts', { headers: h, body });
	const id = first.body.records[0].ID;
	assert.deepEqual(
		(await lookup({ IDList: [id] })).body.records.map((c) => c.ID),
		[id],
	);
	assert.equal((await lookup({ UserDataList: ['u1'], IDList: [] })).body.count, 1);
	assert.equal((await lookup({ UserDataList: [], IDList: [] })).status, 400);
	assert.equal((await lookup({ IDList: ['x'] })).status, 400);
	assert.equal(
		(
			await call(fake, 'DELETE', '/rest/v1.0/42/dialler/contacts/contact?userData=u1', {
				headers: h,
			})
		).status,
		200,
	);
});

test('npm registry: packument, version document and tarball of the one package; 404 for anything else', async () => {
	const fs = require('node:fs');
	const os = require('node:os');
	const path = require('node:path');
	const crypto = require('node:crypto');
	const { createNpmRegistryFake } = require('./npm-registry');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-fake-'));
	const tarball = path.join(dir, 'pkg.tgz');
	fs.writeFileSync(tarball, Buffer.from('not really a tarball'));
	try {
		const fake = createNpmRegistryFake({
			tarball,
			manifest: { name: 'n8n-nodes-x', version: '1.2.3' },
		});
		const packument = await call(fake, 'GET', '/n8n-nodes-x');
		assert.equal(packument.body['dist-tags'].latest, '1.2.3');
		const { dist } = packument.body.versions['1.2.3'];
		assert.equal(dist.tarball, 'https://registry.npmjs.org/n8n-nodes-x/-/n8n-nodes-x-1.2.3.tgz');
		assert.equal(
			dist.integrity,
			`sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`,
		);
		assert.equal((await call(fake, 'GET', '/n8n-nodes-x/1.2.3')).body.version, '1.2.3');
		assert.equal((await call(fake, 'GET', '/n8n-nodes-x/1.2.4')).status, 404);
		const file = await call(fake, 'GET', '/n8n-nodes-x/-/n8n-nodes-x-1.2.3.tgz');
		assert.ok(Buffer.isBuffer(file.body));
		assert.equal(fake.state.tarballs.served, 1);
		assert.equal((await call(fake, 'GET', '/lodash')).status, 404);
		assert.equal((await call(fake, 'GET', '/n8n-nodes-x/-/other-1.2.3.tgz')).status, 404);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

test('rate limit: 429 with Retry-After above N accepted requests in the last second, counted', async () => {
	const { withRateLimit } = require('../lib/rate-limit');
	let now = 10_000;
	const fake = withRateLimit(createChartMogulFake({ apiKey: 'cm' }), {
		perSecond: 3,
		retryAfterSeconds: 1,
		now: () => now,
	});
	const h = basic('cm', '');
	const statuses = [];
	for (let i = 0; i < 5; i++)
		statuses.push((await call(fake, 'GET', '/v1/ping', { headers: h })).status);
	assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
	const refused = await fake.handle(
		{ method: 'GET', url: '/v1/ping', headers: h },
		Buffer.alloc(0),
	);
	assert.equal(refused.headers['retry-after'], '1');
	now += 1000; // the three accepted ones left the window
	assert.equal((await call(fake, 'GET', '/v1/ping', { headers: h })).status, 200);
	assert.deepEqual(
		{ accepted: fake.stats.accepted, r429: fake.stats.r429, maxPerSecond: fake.stats.maxPerSecond },
		{ accepted: 4, r429: 3, maxPerSecond: 3 },
	);
});

test('rate limit: 503 above N open requests, counted while the answer is delayed', async () => {
	const { withRateLimit } = require('../lib/rate-limit');
	const release = [];
	const fake = withRateLimit(createChartMogulFake({ apiKey: 'cm' }), {
		open: 2,
		delay: () => new Promise((resolve) => release.push(resolve)),
	});
	const h = basic('cm', '');
	const answers = [1, 2, 3].map(() => call(fake, 'GET', '/v1/ping', { headers: h }));
	await new Promise((resolve) => setImmediate(resolve));
	release.splice(0).forEach((resolve) => resolve());
	assert.deepEqual((await Promise.all(answers)).map((a) => a.status).sort(), [200, 200, 503]);
	assert.deepEqual(
		{ r503: fake.stats.r503, maxInFlight: fake.stats.maxInFlight, inFlight: fake.stats.inFlight },
		{ r503: 1, maxInFlight: 3, inFlight: 0 },
	);
});

test('WAN model: 3 round trips for the first answer on a connection (TCP + TLS 1.3 + request), 1 for each later one', async () => {
	const waits = [];
	const network = wan(50, async (ms) => waits.push(ms));
	const a = {};
	const b = {};
	for (const socket of [a, a, a, b, b, a]) await network.delay({ socket });
	assert.deepEqual(waits, [150, 50, 50, 150, 50, 50]);
	assert.deepEqual(network.stats, { rttMs: 50, requests: 6, connections: 2 });
});

test('Ticketmatic batch: update sets/adds/removes fields, delete archives, merge archives into the primary', async () => {
	const fake = createTicketmaticFake({
		accountName: 'batch',
		accessKey: 'k',
		secretKey: 's',
		seedContacts: 4,
	});
	const h = basic('k', 's');
	const batch = (body) => call(fake, 'POST', '/api/1/batch/contacts/batch', { headers: h, body });
	const contact = (id) => fake.state.contacts.get(id);
	const updatefields = [
		{ key: 'c_segment', updatetype: 'set', value: 'autumn' },
		{ key: 'c_tags', updatetype: 'add', value: 'vip' },
		{ key: 'languagecode', updatetype: 'set', value: 'NL' },
	];
	assert.equal(
		(await batch({ ids: [10001, 10002], operation: 'update', parameters: { updatefields } }))
			.status,
		200,
	);
	assert.equal(contact(10001).c_segment, 'autumn');
	assert.deepEqual(contact(10002).c_tags, ['vip']);
	assert.equal(contact(10002).languagecode, 'NL');
	await batch({
		ids: [10002],
		operation: 'update',
		parameters: { updatefields: [{ key: 'c_tags', updatetype: 'remove', value: 'vip' }] },
	});
	assert.deepEqual(contact(10002).c_tags, []);
	for (const bad of [
		{ ids: [10001], operation: 'update', parameters: { updatefields: [] } },
		{
			ids: [10001],
			operation: 'update',
			parameters: { updatefields: [{ key: 'firstname', updatetype: 'set', value: 'x' }] },
		},
		{ operation: 'delete' },
		{ ids: [10003], operation: 'merge', parameters: {} },
		{ ids: [10003], operation: 'merge', parameters: { primary: 10003 } },
	])
		assert.equal((await batch(bad)).status, 400, JSON.stringify(bad));
	assert.equal((await batch({ ids: [99], operation: 'delete' })).status, 404);
	assert.equal(
		(await batch({ ids: [10002, 10003], operation: 'merge', parameters: { primary: 10001 } }))
			.status,
		200,
	);
	assert.equal(contact(10002).isdeleted, true);
	assert.equal(contact(10003).mergedinto, 10001);
	assert.equal(contact(10001).isdeleted, false);
	assert.equal((await batch({ ids: [10004], operation: 'delete' })).status, 200);
	assert.equal(contact(10004).isdeleted, true);
});

test('Quentn custom fields: create from a label, get by name or id, update, delete; 404 when unknown', async () => {
	const fake = createQuentnFake({ apiKey: 'q' });
	const h = bearer('q');
	const api = (method, path, body) =>
		call(fake, method, `/public/api/V1${path}`, { headers: h, body });
	assert.equal((await api('POST', '/custom-fields', { field_type: 'text' })).status, 400);
	const created = await api('POST', '/custom-fields', { label: 'Customer ID', field_type: 'text' });
	assert.equal(created.body.success, true);
	assert.equal(created.body.field_name, 'field_customer_id');
	assert.equal(
		(await api('GET', `/custom-fields/${created.body.field_id}`)).body.label,
		'Customer ID',
	);
	assert.equal(
		(await api('PUT', '/custom-fields/field_customer_id', { label: 'Client ID' })).status,
		200,
	);
	assert.equal((await api('GET', '/custom-fields')).body[0].label, 'Client ID');
	const start = await call(fake, 'POST', '/public/api/v1/cb/7', {
		headers: h,
		body: { mail: 'a@b.example', field_customer_id: 'C-1' },
	});
	assert.equal(start.status, 200);
	assert.equal(fake.state.contacts.get(start.body.id).field_customer_id, 'C-1');
	const unknownField = await call(fake, 'POST', '/public/api/v1/cb/7', {
		headers: h,
		body: { id: start.body.id, field_nope: 'x' },
	});
	assert.equal(unknownField.status, 400);
	assert.equal((await api('DELETE', '/custom-fields/field_customer_id')).status, 200);
	assert.equal(fake.state.contacts.get(start.body.id).field_customer_id, undefined);
	assert.equal((await api('GET', '/custom-fields/field_customer_id')).status, 404);
});
