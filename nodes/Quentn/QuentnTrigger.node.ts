import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { MAX_CONTACTS, SIGNATURE_HEADER, parseContacts, validSignature } from './webhook';

interface RawRequest {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

/**
 * The request body exactly as Quentn sent it. n8n's body parser keeps it in `req.rawBody` (read on demand
 * with `req.readRawBody()`): n8n packages/cli/src/middlewares/body-parser.ts, rawBodyReader and parseBody.
 */
async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = ctx.getRequestObject() as unknown as RawRequest;
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function')
		await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/**
 * The credential's salt: undefined when the node has no Quentn Webhook credential (an unchecked URL), '' when the
 * credential holds none (then every call is refused: a credential means calls are checked, never the opposite).
 */
async function hashSalt(ctx: IWebhookFunctions): Promise<string | undefined> {
	if (!ctx.getNode().credentials?.quentnWebhookApi) return undefined;
	const credentials = await ctx.getCredentials('quentnWebhookApi');
	return typeof credentials.hashSalt === 'string' ? credentials.hashSalt : '';
}

/** Answers the call itself and starts nothing. */
function refuse(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify({ message }));
	return { noWebhookResponse: true };
}

export class QuentnTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Quentn Trigger',
		name: 'quentnTrigger',
		icon: { light: 'file:../../icons/quentn.svg', dark: 'file:../../icons/quentn.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Campaign Webhook element',
		description: 'Starts the workflow when the Webhook element of a Quentn campaign sends contacts',
		defaults: { name: 'Quentn Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'quentnWebhookApi', required: false, testedBy: 'hashSaltIsSet' }],
		// Quentn's Webhook element sends by POST, PUT or DELETE, as chosen in the element ("HTTP Methode").
		webhooks: (['POST', 'PUT', 'DELETE'] as const).map((httpMethod) => ({
			name: 'default',
			httpMethod,
			responseMode: 'onReceived',
			path: 'webhook',
		})),
		properties: [
			{
				displayName:
					"In Quentn, add a Webhook element to a campaign and paste this node's Production URL (above, under Webhook URLs) into its URL field; any HTTP method works. If the element has a Hash Salt, put the same salt in a Quentn Webhook credential here: calls without a matching signature are then refused. Without a credential the URL is unchecked: anyone who knows it can start this workflow with contacts of their own. One item is emitted per contact (up to " +
					String(MAX_CONTACTS) +
					' per call).',
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = {
		credentialTest: {
			/** A salt cannot be tried against Quentn (Quentn calls n8n, not the other way round): check it is usable. */
			async hashSaltIsSet(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const salt = credential.data?.hashSalt;
				if (typeof salt !== 'string' || salt.trim() === '') {
					return {
						status: 'Error',
						message: 'Enter the Hash Salt of the Webhook element in your Quentn campaign.',
					};
				}
				if (salt !== salt.trim()) {
					return {
						status: 'Error',
						message: 'The Hash Salt starts or ends with a space: copy it again from Quentn.',
					};
				}
				return { status: 'OK', message: 'Calls from Quentn will be checked with this salt.' };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const salt = await hashSalt(this);
		if (salt !== undefined && salt.trim() === '')
			return refuse(
				this,
				401,
				"The trigger's Quentn Webhook credential has no Hash Salt, so no call can be checked and every call is refused. Enter the Hash Salt of the campaign's Webhook element in the credential.",
			);
		const rawBody = await rawBodyOf(this);
		if (!rawBody)
			return refuse(
				this,
				400,
				'The request has no body. Quentn sends the contacts as a JSON array.',
			);
		if (
			salt !== undefined &&
			!validSignature(rawBody, salt, this.getHeaderData()[SIGNATURE_HEADER])
		) {
			return refuse(
				this,
				401,
				'The X-Quentn-Hmac-Sha256 signature is missing or does not match. Use the same Hash Salt in the Quentn Webhook element and in the n8n credential.',
			);
		}
		const parsed = parseContacts(rawBody);
		if ('problem' in parsed) return refuse(this, 400, parsed.problem);
		return { workflowData: [this.helpers.returnJsonArray(parsed.contacts)] };
	}
}
