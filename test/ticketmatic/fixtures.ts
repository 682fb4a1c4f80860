/** Ticketmatic records shaped like the example of https://www.ticketmatic.com/docs/api/contacts/import. */
import { createHmac } from 'node:crypto';

export const ACCOUNT = 'testaccount';
export const HOST = 'https://apps.ticketmatic.com';
export const PREFIX = `/api/1/${ACCOUNT}`;
export const ACCESS_KEY = 'access-key-0123';
export const SECRET_KEY = 'dummy-secret-key-abcdef-0123456789';

export const hmacCredentials = {
	ticketmaticApi: {
		accountName: ACCOUNT,
		accessKey: ACCESS_KEY,
		secretKey: SECRET_KEY,
		authentication: 'hmac',
	},
};
export const basicCredentials = {
	ticketmaticApi: {
		accountName: ACCOUNT,
		accessKey: ACCESS_KEY,
		secretKey: SECRET_KEY,
		authentication: 'basic',
	},
};

export function contact(id: number, extra: Record<string, unknown> = {}) {
	return {
		id,
		firstname: 'John',
		lastname: 'Doe',
		email: `john${id}@example.com`,
		relationtypes: [1, 2],
		isdeleted: false,
		createdts: '2014-09-26 15:24:36',
		lastupdatets: '2014-09-26 15:24:36',
		...extra,
	};
}

/** Checks a TM-HMAC-SHA256 header by recomputing its signature from the header's own ts. */
export function verifyHmac(
	header: unknown,
	accessKey = ACCESS_KEY,
	secretKey = SECRET_KEY,
	account = ACCOUNT,
) {
	const match =
		/^TM-HMAC-SHA256 key=(\S+) ts=(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}) sign=([0-9a-f]{64})$/.exec(
			String(header),
		);
	if (!match) return { ok: false, reason: `malformed: ${String(header)}` };
	const [, key, ts, sign] = match;
	const expected = createHmac('sha256', secretKey)
		.update(accessKey + account + ts)
		.digest('hex');
	const skewMs = Math.abs(Date.now() - Date.parse(`${ts}Z`));
	return {
		ok: key === accessKey && sign === expected && skewMs < 60_000,
		key,
		ts,
		sign,
		expected,
		skewMs,
	};
}
