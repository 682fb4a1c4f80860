import type { Operation } from '../../../shared/description';
import { fieldName } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get custom field',
	description: 'Retrieve a custom field by its field name or ID',
	routing: {
		// GET custom-fields/<field_name or field_id> (quentn-php CustomFieldClient::findCustomFieldByName / findCustomFieldById).
		request: { method: 'GET', url: '/custom-fields/{fieldName}' },
	},
	fields: [fieldName],
};
