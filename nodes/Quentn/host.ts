import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { credentialNode, hostLabel } from '../shared/validators';

/** Quentn's API lives under this path on the account's own host (https://help.quentn.com/hc/en-150/articles/4517495751953-Requests). */
export const API_PATH = '/public/api/V1';

/** Stands in for a node in errors raised while the credential is applied (there is no node there). */
const CREDENTIAL = credentialNode('quentnApi', 'Quentn API credential');

/**
 * The account's host, `<systemId>.<serverId>.quentn.com`. Both ids become part of a host name that receives
 * the API key, so each must be one DNS label: `evil.example#` or `x/` would send the key elsewhere.
 */
export function quentnHost(
	credentials: ICredentialDataDecryptedObject,
	node: INode = CREDENTIAL,
): string {
	const systemId = hostLabel(credentials.systemId, {
		node,
		parameter: 'System ID (Quentn credential)',
	});
	const serverId = hostLabel(credentials.serverId, {
		node,
		parameter: 'Server ID (Quentn credential)',
	});
	return `${systemId}.${serverId}.quentn.com`;
}

/**
 * Where a request is about to go must be the account's own host over HTTPS; anything else is refused before
 * the key is attached (defence in depth behind the id validation). `url` is `uri` in requests made through
 * n8n's legacy helper, as n8n's HTTP Request node sends them (HttpRequestV3: `requestWithAuthentication`, `uri: url`).
 */
export function assertQuentnTarget(
	url: string | undefined,
	baseURL: string | undefined,
	host: string,
): void {
	let target: URL | undefined;
	try {
		target = new URL(url ?? '', baseURL);
	} catch {
		target = undefined;
	}
	if (!target || target.protocol !== 'https:' || target.host !== host) {
		throw new NodeOperationError(
			CREDENTIAL,
			'The request does not go to your Quentn account, so the API key was not sent',
			{
				description: `Requests with this credential may only go to https://${host}.`,
			},
		);
	}
}
