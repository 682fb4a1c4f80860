import type { Operation } from '../../../shared/description';
import { fromVersion2 } from '../../../shared/description';
import { simplify, simplifyParameter } from '../../../shared/output';
import { contactId, SIMPLE_CONTACT } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get contact',
	description: 'Retrieve a contact by ID',
	routing: {
		request: { method: 'GET', url: '/contacts/{contactId}' },
		output: { postReceive: [simplify(SIMPLE_CONTACT)] },
	},
	fields: [...contactId, ...fromVersion2([simplifyParameter(SIMPLE_CONTACT)])],
};
