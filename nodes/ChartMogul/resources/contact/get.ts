import type { Operation } from '../../../shared/description';
import { fromVersion2 } from '../../../shared/description';
import { simplify, simplifyParameter } from '../../../shared/output';
import { contactUuid, SIMPLE_CONTACT } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get contact',
	description: 'Retrieve a contact by UUID',
	routing: {
		request: { method: 'GET', url: '/contacts/{contactUuid}' },
		output: { postReceive: [simplify(SIMPLE_CONTACT)] },
	},
	fields: [...contactUuid, ...fromVersion2([simplifyParameter(SIMPLE_CONTACT)])],
};
