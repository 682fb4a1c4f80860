import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/locator';
import { sendBody } from '../../../shared/description';

/** The same `description` body field as a term's: one definition for both. */
export { description } from '../term/fields';

/**
 * A custom field, by its field name (`field_customer_id`) or its numeric field ID: Quentn's "Custom fields API"
 * (https://help.quentn.com/hc/en-150/articles/4518070370577-Custom-fields-API) takes either in the path.
 */
export const fieldName: INodeProperties = recordLocator({
	displayName: 'Custom Field',
	name: 'fieldName',
	description:
		'The custom field: picked from the account, or its field name (not the label) or field ID',
	searchListMethod: 'searchCustomFields',
	id: {
		displayName: 'By Field Name',
		placeholder: 'e.g. field_customer_id',
		regex: '\\s*[A-Za-z0-9_]+\\s*',
		error: 'A field name has letters, digits and "_" only, e.g. field_customer_id',
	},
});

export const label: INodeProperties = {
	displayName: 'Label',
	name: 'label',
	type: 'string',
	default: '',
	placeholder: 'e.g. Customer ID',
	description: 'The name users see; Quentn derives the field name from it (e.g. field_customer_id)',
	routing: sendBody('label'),
};

export const fieldType: INodeProperties = {
	displayName: 'Field Type',
	name: 'fieldType',
	type: 'string',
	default: 'text',
	placeholder: 'e.g. text',
	description: "Quentn's field type (field_type), e.g. text",
	routing: sendBody('field_type'),
};

export const maxLength: INodeProperties = {
	displayName: 'Max Length',
	name: 'maxLength',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 128,
	description: 'Longest value a text field takes',
	routing: sendBody('max_length'),
};

export const required: INodeProperties = {
	displayName: 'Required',
	name: 'required',
	type: 'boolean',
	default: false,
	description: 'Whether a contact must have a value in this field',
	routing: sendBody('required'),
};
