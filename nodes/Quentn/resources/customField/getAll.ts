import type { Operation } from '../../../shared/description';
import { returnAllAndLimit } from '../../../shared/description';
import { customFieldList } from '../../transport';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many custom fields',
	description:
		"Retrieve the account's custom contact fields (their field names are what contacts use)",
	routing: {
		// quentn-php CustomFieldClient::getCustomFields: GET custom-fields/, a bare array of
		// { field_id, field_name, label, description, type, field_type, required } (Quentn help centre "Custom fields API").
		request: { method: 'GET', url: '/custom-fields' },
		operations: { pagination: customFieldList },
	},
	fields: returnAllAndLimit(),
};
