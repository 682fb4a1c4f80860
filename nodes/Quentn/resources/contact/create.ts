import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import { checkEmail } from '../../../shared/validators';
import { quentn } from '../../transport';
import { checkDateOfBirth, contactToCreate, createOptions, createParameters } from './fields';

/** preSend: `{ contact: {...}, duplicate_check_method, … }`, built exactly as create many builds each contact. */
export async function createBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { contact, options: top } = contactToCreate(
		(name, fallback) => this.getNodeParameter(name, fallback),
		this.getTimezone(),
	);
	return { ...options, body: { contact, ...top } };
}

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create contact',
	description: 'Create a contact, or merge it into a duplicate Quentn finds',
	routing: {
		request: { method: 'POST', url: '/contact' },
		send: { preSend: [createBody] },
		operations: {
			pagination: quentn.sendChecked(
				checkEmail('email', true),
				checkDateOfBirth('contact.date_of_birth'),
			),
		},
	},
	fields: createParameters(createOptions),
};
