'use strict';
/**
 * Fake jtel dialler REST API (`{server}/rest/v1.0/{ClientsID}`), from the jtel wiki ("Dialler REST API"): Bearer token, the
 * ClientsID in every path, `records` envelopes with everything at once (no paging), import of ONE contact
 * (name, campaign by id or name, a phone number), overwrite by UserData, batch retrieve by UserData and / or IDs, delete
 * by id or by user data.
 * The server is the user's, so the suite picks a host name for it (e.g. jtel.e2e.test).
 */
const { HttpError, json, createFake, readAuthorization } = require('./router');

function createJtelFake({
	host,
	clientsId,
	token,
	campaigns = [{ ID: 11, Name: 'E2E campaign' }],
}) {
	const base = `/rest/v1.0/${clientsId}`;
	const contacts = new Map();
	let nextId = 70001;
	const fail = (status, error) => new HttpError(status, { status, error });
	const list = (records, extra = {}) =>
		json(200, {
			filter: null,
			limitStart: 0,
			limitPageSize: records.length,
			records,
			count: records.length,
			orderBy: null,
			ascending: true,
			status: 200,
			...extra,
		});
	const findCampaign = (id) => {
		const c = campaigns.find((x) => x.ID === Number(id));
		if (!c) throw fail(404, 'Dialler campaign not found');
		return c;
	};
	const findContact = (id) => {
		const c = contacts.get(Number(id));
		if (!c) throw fail(404, 'Dialler contact not found');
		return c;
	};

	const fake = createFake({
		name: 'jtel',
		baseUrl: `https://${host}`,
		authorize(req, url) {
			const auth = readAuthorization(req);
			if (auth.scheme !== 'bearer' || auth.token !== token) throw fail(401, 'Invalid token');
			if (!url.pathname.startsWith(`${base}/`)) throw fail(401, 'Invalid ClientsID');
		},
		routes: [
			['GET', `${base}/dialler/campaigns`, () => list(campaigns)],
			['GET', `${base}/dialler/campaigns/:id`, ({ params }) => list([findCampaign(params.id)])],
			[
				'GET',
				`${base}/dialler/contacts`,
				({ query }) => {
					const campaign = query.get('diallerCampaignsID');
					return list(
						[...contacts.values()].filter(
							(c) => !campaign || c.DiallerCampaignsID === Number(campaign),
						),
					);
				},
			],
			[
				'POST',
				`${base}/dialler/contacts`,
				({ body }) => {
					if (!body || typeof body !== 'object' || Array.isArray(body))
						throw fail(400, 'Body must be an object');
					const userData = body.UserDataList ?? [];
					const idList = body.IDList ?? [];
					if (!Array.isArray(userData) || !Array.isArray(idList))
						throw fail(400, 'UserDataList and IDList must be lists');
					// "A UserData list and / or a list of DiallerContactIDs" (jtel wiki "Retrieve Dialler Contacts (Batch)").
					if (!userData.length && !idList.length)
						throw fail(400, 'Missing parameter UserDataList or IDList');
					if (!idList.every(Number.isInteger)) throw fail(400, 'IDList must hold integer IDs');
					const ids = idList;
					return list(
						[...contacts.values()]
							.filter((c) => userData.includes(c.UserData) || ids.includes(c.ID))
							.map((c) => ({ ...c, ResultCodesExportKey: null })),
					);
				},
			],
			[
				'POST',
				`${base}/dialler/contacts/import`,
				({ body, query }) => {
					if (!body || typeof body !== 'object' || Array.isArray(body))
						throw fail(400, 'Body must be ONE contact object');
					if (!body.Name) throw fail(400, 'Missing parameter Name');
					let campaign;
					if (body.DiallerCampaignsID !== undefined)
						campaign = findCampaign(body.DiallerCampaignsID);
					else if (body.DiallerCampaignsName !== undefined) {
						campaign = campaigns.find((c) => c.Name === body.DiallerCampaignsName);
						if (!campaign) throw fail(404, 'Dialler campaign not found');
					} else throw fail(400, 'Missing parameter DiallerCampaignsID or DiallerCampaignsName');
					if (![1, 2, 3, 4, 5, 6].some((n) => body[`PhoneNumber${n}`]))
						throw fail(400, 'Missing parameter PhoneNumber1..6');
					const overwrite = query.get('overwriteDuplicates');
					if (overwrite !== null && overwrite !== 'true' && overwrite !== 'false')
						throw fail(400, 'overwriteDuplicates must be true or false');
					const { DiallerCampaignsName: _name, ...fields } = body;
					const existing =
						overwrite === 'true' && body.UserData
							? [...contacts.values()].find((c) => c.UserData === body.UserData)
							: undefined;
					const contact = existing
						? Object.assign(existing, fields, { DiallerCampaignsID: campaign.ID })
						: {
								...fields,
								ID: nextId++,
								DiallerCampaignsID: campaign.ID,
								nTriesPhoneNumber1: 0,
								dtNextTry: null,
							};
					contacts.set(contact.ID, contact);
					return json(200, { records: [contact], count: 1, status: 200 });
				},
			],
			[
				'GET',
				`${base}/dialler/contacts/:id`,
				({ params }) => json(200, { records: [findContact(params.id)], count: 1, status: 200 }),
			],
			[
				'DELETE',
				`${base}/dialler/contacts/contact/:id`,
				({ params }) => {
					contacts.delete(findContact(params.id).ID);
					return json(200, { status: 200 });
				},
			],
			[
				'DELETE',
				`${base}/dialler/contacts/contact`,
				({ query }) => {
					const userData = query.get('userData');
					if (!userData) throw fail(400, 'Missing parameter userData');
					const match = [...contacts.values()].find((c) => c.UserData === userData);
					if (!match) throw fail(404, 'Dialler contact not found');
					contacts.delete(match.ID);
					return json(200, { status: 200 });
				},
			],
		],
	});
	return Object.assign(fake, { state: { contacts, campaigns } });
}

module.exports = { createJtelFake };
