import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import type { UpsertSpec } from '../../../shared/transport';
import { checkEmail } from '../../../shared/validators';
import { quentn } from '../../transport';
import { createBody } from './create';
import { checkDateOfBirth, createOptions, createParameters, email } from './fields';

/**
 * preSend: the create's body with `duplicate_check_method: "email"`: Quentn's create merges the contact into
 * the one with the same address (quentn-php ContactClient::createContact; Quentn help centre "Contact API").
 */
async function upsertBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const created = await createBody.call(this, options);
	return {
		...created,
		body: { ...(created.body as IDataObject), duplicate_check_method: 'email' },
	};
}

/**
 * Quentn updates by creating: the lookup (GET /contact/{mail}, an array of every contact with the address; 404
 * when none, quentn-php ContactClient::findContactByMail) only tells the output which happened.
 */
const byEmail: UpsertSpec = {
	async find(ctx, lookup) {
		const mail = String(ctx.getNodeParameter('email', '')).trim();
		const found = await lookup(`/contact/${encodeURIComponent(mail)}`);
		const first = Array.isArray(found) ? (found[0] as IDataObject | undefined) : undefined;
		return first?.id === undefined ? undefined : { id: first.id as number };
	},
};

/** The create's options, but the duplicate check is by email: that is what makes it Create or Update. */
const upsertOptions = createOptions.filter((option) => option.name !== 'duplicateCheckMethod');

export const upsert: Operation = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update contact',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	routing: {
		request: { method: 'POST', url: '/contact' },
		send: { preSend: [upsertBody] },
		operations: {
			pagination: quentn.upsert(
				byEmail,
				checkEmail('email'),
				checkDateOfBirth('contact.date_of_birth'),
			),
		},
	},
	fields: createParameters(upsertOptions).map((field) =>
		field.name === email.name
			? {
					...field,
					required: true,
					description:
						'Quentn merges the fields into the contact with this email address (its duplicate check by email), or creates one',
					hint: 'The output has "upsert": "created" or "updated". Duplicate Merge Method (in Options) says how fields are merged.',
				}
			: field,
	),
};
