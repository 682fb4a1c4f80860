import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { quentn } from '../../transport';
import { checkSomethingToUpdate } from './body';
import { description, fieldName, label, required } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update custom field',
	description: 'Change the label, description or "Required" of a custom field',
	routing: {
		// PUT custom-fields/<field_name> with the fields to change (quentn-php CustomFieldClient::updateCustomField).
		request: { method: 'PUT', url: '/custom-fields/{fieldName}' },
		operations: { pagination: quentn.sendChecked(checkSomethingToUpdate) },
	},
	fields: [fieldName, fieldCollection('updateFields', [description, label, required])],
};
