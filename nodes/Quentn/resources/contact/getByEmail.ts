import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { errorIfNone, errorIfNotFound, unwrap } from '../../../shared/output';
import { checkEmail } from '../../../shared/validators';
import { quentn } from '../../transport';
import { email, fieldsOption } from './fields';

export const getByEmail: Operation = {
	name: 'Get by Email',
	value: 'getByEmail',
	action: 'Get contacts by email',
	description: 'Retrieve every contact with an email address (several contacts can share one)',
	routing: {
		// Quentn answers an email in place of the id with an array of all contacts that have it, and HTTP 404
		// when none has it (quentn-php ContactClient::findContactByMail turns that 404 into an empty result).
		request: { method: 'GET', url: '/contact/{email}' },
		operations: { pagination: quentn.lookup(checkEmail('email')) },
		output: { postReceive: [unwrap(''), errorIfNone('Quentn contact')] },
	},
	fields: [
		{ ...email, required: true, description: 'The email address to look up' },
		fieldCollection('options', [errorIfNotFound, fieldsOption]),
	],
};
