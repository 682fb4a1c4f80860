import { createHmac } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

/**
 * Ticketmatic's servers: production (tm-go ticketmatic/client.go `Server`), QA (tm-go .travis.yml and tm-php
 * test/bootstrap.php run their tests against https://qa.ticketmatic.com) and test (ticketmaticbenelux/tm_api
 * tm_api.js `setHost` allows apps, test and qa.ticketmatic.com). A closed list: the keys never go to another host.
 */
const ENVIRONMENTS = {
	production: 'https://apps.ticketmatic.com',
	test: 'https://test.ticketmatic.com',
	qa: 'https://qa.ticketmatic.com',
} as const;

export type Environment = keyof typeof ENVIRONMENTS;

/** The credential's server; production when the credential has no environment (credentials saved before it existed). */
export function serverOf(credentials: ICredentialDataDecryptedObject): string {
	const environment =
		credentials.environment === undefined || credentials.environment === ''
			? 'production'
			: String(credentials.environment);
	if (!Object.prototype.hasOwnProperty.call(ENVIRONMENTS, environment)) {
		throw new UserError(
			`The Ticketmatic environment "${environment.slice(0, 60)}" is not one of ${Object.keys(ENVIRONMENTS).join(', ')}. ` +
				'Choose the environment in the Ticketmatic credential.',
		);
	}
	return ENVIRONMENTS[environment as Environment];
}

// Keys come from Ticketmatic support; the short name from Settings → Account parameters (ticketmatic.com/docs/api/coreconcepts/authentication, …/docs/tickets/selling_tickets/manualwidgeturl).
/** How to fix a refused request (HTTP 401/403): used by the node's errors and the credential test. */
export const CREDENTIAL_HINT =
	'Check the account name, access key and secret key in the Ticketmatic credential (API keys are issued by Ticketmatic support; the account name is the short name under Settings → Account parameters). With request signing, Ticketmatic also refuses a request whose time is more than 30 minutes off: make sure the clock of the n8n server is correct.';

/**
 * The account short name as a path segment. Ticketmatic short names are letters, digits, "-" and "_"
 * (unverified: Ticketmatic documents no character set); anything else is refused, so a typo can never send the keys elsewhere.
 */
export function accountSegment(value: unknown): string {
	const text = typeof value === 'string' ? value : '';
	if (!/^[A-Za-z0-9_-]+$/.test(text)) {
		throw new UserError(
			`The Ticketmatic account name "${text.slice(0, 60)}" is not valid: it may only contain letters, digits, "-" and "_". ` +
				'Use the account short name from Ticketmatic → Settings → Account parameters.',
		);
	}
	return encodeURIComponent(text);
}

/** Ticketmatic's signing timestamp: UTC, `YYYY-MM-DDTHH:mm:ss`, no milliseconds and no zone (Ticketmatic docs, authentication). */
export function signingTimestamp(now: Date): string {
	return now.toISOString().slice(0, 19);
}

/** Lower-case hex HMAC-SHA256 of accesskey + accountname + ts, keyed with the secret key (Ticketmatic docs, authentication). */
export function signature(
	secretKey: string,
	accessKey: string,
	accountName: string,
	ts: string,
): string {
	return createHmac('sha256', secretKey).update(`${accessKey}${accountName}${ts}`).digest('hex');
}

/**
 * The Authorization header for one request. With request signing it is computed afresh for every request:
 * Ticketmatic refuses a timestamp older than 30 minutes, so a header must never be cached.
 */
export function authorizationHeader(
	credentials: ICredentialDataDecryptedObject,
	now = new Date(),
): string {
	serverOf(credentials);
	const accountName = accountSegment(credentials.accountName);
	const accessKey = String(credentials.accessKey ?? '');
	const secretKey = String(credentials.secretKey ?? '');
	if (credentials.authentication === 'basic') {
		return `Basic ${Buffer.from(`${accessKey}:${secretKey}`).toString('base64')}`;
	}
	const ts = signingTimestamp(now);
	return `TM-HMAC-SHA256 key=${accessKey} ts=${ts} sign=${signature(secretKey, accessKey, accountName, ts)}`;
}
