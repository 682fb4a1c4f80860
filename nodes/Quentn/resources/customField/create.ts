import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { quentn } from '../../transport';
import { checkLabel } from './body';
import { description, fieldType, label, maxLength, required } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create custom field',
	description: 'Create a custom contact field; Quentn answers its field name and ID',
	routing: {
		// POST custom-fields { label, description, field_type, max_length } → { success, field_name, field_id }
		// (Quentn help centre "Custom fields API"; quentn-php CustomFieldClient::createCustomField).
		request: { method: 'POST', url: '/custom-fields' },
		operations: { pagination: quentn.sendChecked(checkLabel) },
	},
	fields: [
		{ ...label, required: true },
		fieldType,
		fieldCollection('additionalFields', [description, maxLength, required]),
	],
};
