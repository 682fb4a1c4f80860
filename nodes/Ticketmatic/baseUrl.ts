import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { accountSegment, serverOf } from './signing';

/**
 * `https://<server>/api/1/<account short name>`: the credential's environment (a closed list of servers) and its
 * validated account name (https://www.ticketmatic.com/docs/api/coreconcepts/authentication).
 */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return `${serverOf(credentials)}/api/1/${accountSegment(credentials.accountName)}`;
}
