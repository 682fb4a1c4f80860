'use strict';
/**
 * What the bench measures, as data: the list operations (ours and n8n's HTTP Request node with pagination) and the
 * bulk operations, each with the fake vendor it runs against. The fakes are the e2e suite's; their credentials and
 * hosts come from the e2e vendor folders.
 */
const path = require('node:path');

const { httpNode, ref } = require('./workflows');

const E2E = path.join(__dirname, '..', '..', 'test', 'e2e');
const { createTicketSourceFake } = require(path.join(E2E, 'fakes', 'ticketsource'));
const { createChartMogulFake } = require(path.join(E2E, 'fakes', 'chartmogul'));
const { createQuentnFake } = require(path.join(E2E, 'fakes', 'quentn'));
const { createTicketmaticFake } = require(path.join(E2E, 'fakes', 'ticketmatic'));

const vendorInfo = (folder) => require(path.join(E2E, 'vendors', folder, 'index.js'));
const ts = vendorInfo('ticketsource');
const cm = vendorInfo('chartmogul');
const qn = vendorInfo('quentn');
const tm = vendorInfo('ticketmatic');
const tmHmac = tm.credentials.find((c) => c.data.authentication === 'hmac') ?? tm.credentials[0];
const tmBasic = tm.credentials.find((c) => c.data.authentication === 'basic') ?? tm.credentials[0];
const quentnCredential = qn.credentials[0].data;

/**
 * Contact `i` (0-based, id 20001 + i) shaped as Ticketmatic's Contact type with one address, one phone number and one
 * opt-in (https://www.ticketmatic.com/docs/api/types/Contact), so Simplify has the fields to leave out that a real
 * account has.
 */
const documentedContact = (i, createdts) => ({
	id: 20001 + i,
	customertitleid: 1,
	firstname: 'Seed',
	middlename: '',
	lastname: `Contact ${i + 1}`,
	email: `seed${i + 1}@example.org`,
	company: 'Example NV',
	birthdate: '1980-01-01',
	sex: 'F',
	languagecode: 'nl',
	addresses: [
		{
			addresstypeid: 1,
			street1: `Kerkstraat ${(i % 300) + 1}`,
			street2: '',
			zip: '9000',
			city: 'Gent',
			countrycode: 'BE',
			country: 'Belgium',
		},
	],
	phonenumbers: [{ typeid: 1, number: `+32 9 ${String(1000000 + i).slice(-7)}` }],
	optins: [{ optinid: 1, status: 7601, remarks: '' }],
	relationtypes: [],
	isdeleted: false,
	createdts,
	lastupdatets: createdts,
});

/** A Ticketmatic fake holding `records` documented contacts. */
function ticketmaticFake(records = 0) {
	const fake = createTicketmaticFake({
		accountName: tm.credentials[0].data.accountName,
		accessKey: tm.credentials[0].data.accessKey,
		secretKey: tm.credentials[0].data.secretKey,
	});
	const createdts = new Date().toISOString();
	for (let i = 0; i < records; i++)
		fake.state.contacts.set(20001 + i, documentedContact(i, createdts));
	return fake;
}

/**
 * One list: our node's Return All and the HTTP Request node's paginated equivalent against `fake(records)`; `path`
 * picks the list requests out of the fake's log; `simplify` when our node (version 2) has the option.
 */
function list(vendor, spec) {
	const credential = spec.credential ?? vendor.credentials[0];
	const listPath = spec.path;
	return {
		vendor,
		...spec,
		isList: (r) =>
			r.method === 'GET' &&
			(listPath instanceof RegExp ? listPath.test(r.path) : r.path === listPath),
		ours: (parameters = {}) => ({
			name: 'Ours',
			type: vendor.nodeType,
			typeVersion: spec.simplify ? 2 : 1,
			credentials: { [credential.type]: ref(credential) },
			parameters: { ...spec.parameters, returnAll: true, ...parameters },
		}),
		http: httpNode('HTTP', { ...spec.http, credential: spec.http.credential ?? credential }),
	};
}

const LISTS = [
	list(ts, {
		label: 'TicketSource customers',
		pageSize: 100,
		parallel: true,
		simplify: true,
		fake: (records) =>
			createTicketSourceFake({ apiKey: ts.credentials[0].data.apiKey, seedCustomers: records }),
		path: '/customers',
		parameters: { resource: 'customer', operation: 'getAll' },
		http: {
			url: 'https://api.ticketsource.io/customers',
			qs: { per_page: 100 },
			param: { name: 'page', value: '={{ $pageCount + 1 }}' },
			complete: '={{ $response.body.links.next === null }}',
		},
	}),
	list(cm, {
		label: 'ChartMogul contacts',
		pageSize: 200,
		fake: (records) =>
			createChartMogulFake({ apiKey: cm.credentials[0].data.apiKey, seedContacts: records }),
		path: '/v1/contacts',
		parameters: { resource: 'contact', operation: 'getAll' },
		http: {
			url: 'https://api.chartmogul.com/v1/contacts',
			qs: { per_page: 200 },
			param: { name: 'cursor', value: '={{ $response.body.cursor }}' },
			complete: '={{ !$response.body.has_more }}',
		},
	}),
	list(qn, {
		label: 'Quentn terms',
		pageSize: 500,
		parallel: true,
		// No total and no next marker: a list of an exact multiple of 500 ends only at an empty page.
		endMarked: false,
		fake: (records) =>
			createQuentnFake({
				apiKey: quentnCredential.apiKey,
				terms: Array.from({ length: records }, (_, i) => ({ name: `Term ${i + 1}` })),
			}),
		path: '/public/api/V1/terms',
		parameters: { resource: 'term', operation: 'getAll' },
		http: {
			url: `https://${quentnCredential.systemId}.${quentnCredential.serverId}.quentn.com/public/api/V1/terms`,
			qs: { limit: 500, offset: 0 },
			param: { name: 'offset', value: '={{ $pageCount * 500 }}' },
			complete: '={{ $response.body.length < 500 }}',
		},
	}),
	list(tm, {
		label: 'Ticketmatic contacts',
		pageSize: 1000,
		parallel: true,
		simplify: true,
		fake: ticketmaticFake,
		path: /\/contacts$/,
		parameters: { resource: 'contact', operation: 'getAll' },
		credential: tmHmac,
		http: {
			url: `https://apps.ticketmatic.com/api/1/${tm.credentials[0].data.accountName}/contacts`,
			qs: { limit: 1000, offset: 0 },
			credential: tmBasic,
			param: { name: 'offset', value: '={{ $pageCount * 1000 }}' },
			complete: '={{ $pageCount * 1000 >= $response.body.nbrofresults }}',
		},
	}),
];

/** Which contacts a bulk request carried, by what identifies them (e-mail, or contact id for a batch). */
const carried = (body) =>
	Array.isArray(body)
		? body.map((c) => c.email)
		: (body?.contacts?.map((c) => c.mail) ?? body?.ids ?? []);

/**
 * The bulk operations: `count` contacts from a Code node, sent by our node in chunks of `chunk`. `stored(fake)`:
 * how many the fake holds afterwards (a batch changes contacts the fake was seeded with).
 */
const BULKS = [
	{
		vendor: qn,
		label: 'Quentn contact Create Many',
		chunk: 1000,
		note: "Contacts per Request 1000 (the node's maximum; default 100)",
		fake: () => createQuentnFake({ apiKey: quentnCredential.apiKey }),
		isBulk: (r) => r.method === 'POST' && r.path === '/public/api/V1/contacts',
		stored: (fake) => fake.state.contacts.size,
		ours: {
			name: 'Ours',
			type: qn.nodeType,
			typeVersion: 1,
			credentials: { [qn.credentials[0].type]: ref(qn.credentials[0]) },
			parameters: {
				resource: 'contact',
				operation: 'createMany',
				email: '={{ $json.email }}',
				options: { chunkSize: 1000 },
			},
		},
	},
	{
		vendor: tm,
		label: 'Ticketmatic contact Import',
		chunk: 1000,
		fake: () => ticketmaticFake(0),
		isBulk: (r) => r.method === 'POST' && /\/contacts\/import$/.test(r.path),
		stored: (fake) => fake.state.contacts.size,
		ours: {
			name: 'Ours',
			type: tm.nodeType,
			typeVersion: 1,
			credentials: { [tmHmac.type]: ref(tmHmac) },
			parameters: { resource: 'contact', operation: 'import', email: '={{ $json.email }}' },
		},
	},
	{
		vendor: tm,
		label: 'Ticketmatic contact Subscribe',
		chunk: 1000,
		seeded: true,
		fake: (count) => ticketmaticFake(count),
		isBulk: (r) => r.method === 'POST' && /\/contacts\/batch$/.test(r.path),
		stored: undefined,
		ours: {
			name: 'Ours',
			type: tm.nodeType,
			typeVersion: 1,
			credentials: { [tmHmac.type]: ref(tmHmac) },
			parameters: { resource: 'contact', operation: 'subscribe', contactId: '={{ $json.id }}' },
		},
	},
];

/** 200 single ChartMogul creates against its rate limits (40 requests/s, 20 open). */
const CREATES = {
	vendor: cm,
	label: 'ChartMogul 200 creates',
	fake: () => createChartMogulFake({ apiKey: cm.credentials[0].data.apiKey }),
	ours: {
		name: 'Ours',
		type: cm.nodeType,
		typeVersion: 1,
		credentials: { [cm.credentials[0].type]: ref(cm.credentials[0]) },
		parameters: {
			resource: 'contact',
			operation: 'create',
			customerUuid: 'cus_e2e-0001',
			dataSourceUuid: { __rl: true, mode: 'id', value: 'ds_e2e-0001' },
			additionalFields: { email: '={{ $json.email }}' },
		},
	},
};

module.exports = { LISTS, BULKS, CREATES, carried, documentedContact, vendors: [ts, cm, qn, tm] };
