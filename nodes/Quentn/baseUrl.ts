import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RequestContext } from '../shared/executor';
import { credentialsOf } from '../shared/executor';
import { API_PATH, quentnHost } from './host';

/** `https://<systemId>.<serverId>.quentn.com/public/api/V1`, from validated ids only (`quentnHost`). */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return `https://${quentnHost(credentials)}${API_PATH}`;
}

/**
 * The campaign API's base URL: its own path, lower-case `v1` as Quentn's help centre ("Campaign API") prints it. The
 * one request that names its own base (the Start operation's preSend); `authenticate` checks it is the account's host.
 */
export async function campaignBaseUrlOf(ctx: RequestContext): Promise<string> {
	return `https://${quentnHost(await credentialsOf(ctx, 'quentnApi'), ctx.getNode())}/public/api/v1`;
}
