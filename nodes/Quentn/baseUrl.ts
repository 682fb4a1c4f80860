import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { API_PATH, quentnHost } from './host';

/** `https://<systemId>.<serverId>.quentn.com/public/api/V1`, from validated ids only (`quentnHost`). */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return `https://${quentnHost(credentials)}${API_PATH}`;
}
