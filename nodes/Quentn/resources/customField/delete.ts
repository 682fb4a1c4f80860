import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { fieldName } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete custom field',
	description: 'Delete a custom field and its values on every contact',
	routing: {
		// DELETE custom-fields/<field_name> (quentn-php CustomFieldClient::deleteCustomField).
		request: { method: 'DELETE', url: '/custom-fields/{fieldName}' },
		output: { postReceive: [deleted] },
	},
	fields: [fieldName],
};
