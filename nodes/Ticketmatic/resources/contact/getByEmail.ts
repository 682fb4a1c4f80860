import type { Operation } from '../../../shared/description';
import { fieldCollection, fromVersion2 } from '../../../shared/description';
import { errorIfNone, errorIfNotFound, simplify, simplifyParameter } from '../../../shared/output';
import { checkEmail } from '../../../shared/validators';
import { ticketmatic } from '../../transport';
import { email, SIMPLE_CONTACT } from './fields';

export const getByEmail: Operation = {
	name: 'Get by Email',
	value: 'getByEmail',
	action: 'Get contact by email',
	description: 'Retrieve the contact with an e-mail address',
	routing: {
		// Ticketmatic: contact id 0 plus ?email= looks the contact up by address (tm-php lib/Endpoints/Contacts.php get).
		request: {
			method: 'GET',
			url: '/contacts/0',
			qs: { email: '={{ String($parameter.email).trim() }}' },
		},
		// Ticketmatic answers 404 when no contact has the address (tm-go contacts.Get): no item, as in every Get by Email.
		operations: { pagination: ticketmatic.lookup(checkEmail('email')) },
		output: { postReceive: [errorIfNone('Ticketmatic contact'), simplify(SIMPLE_CONTACT)] },
	},
	fields: [
		{ ...email, required: true, description: 'The e-mail address to look up' },
		...fromVersion2([simplifyParameter(SIMPLE_CONTACT)]),
		fieldCollection('options', [errorIfNotFound]),
	],
};
