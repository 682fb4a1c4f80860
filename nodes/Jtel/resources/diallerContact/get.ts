import type { Operation } from '../../../shared/description';
import { fromVersion2 } from '../../../shared/description';
import { simplify, simplifyParameter, unwrap } from '../../../shared/output';
import { contactId, SIMPLE_CONTACT } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get dialler contact',
	description: 'Retrieve a dialler contact by ID',
	routing: {
		request: { method: 'GET', url: '/dialler/contacts/{contactId}' },
		output: { postReceive: [unwrap('records'), simplify(SIMPLE_CONTACT)] },
	},
	fields: [...contactId, ...fromVersion2([simplifyParameter(SIMPLE_CONTACT)])],
};
