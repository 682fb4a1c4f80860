import type { INodeProperties } from 'n8n-workflow';

export { customerUuid } from '../contact/fields';

/** ChartMogul's custom attribute types (dev.chartmogul.com "Add Custom Attributes to a Customer"). */
export const ATTRIBUTE_TYPES = ['String', 'Integer', 'Decimal', 'Timestamp', 'Boolean'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** What each operation sends: add the typed rows, update values by key, remove keys. */
export type AttributeChange = 'add' | 'update' | 'remove';

const keyField: INodeProperties = {
	displayName: 'Key',
	name: 'key',
	type: 'string',
	default: '',
	placeholder: 'e.g. channel',
	description: 'The name of the custom attribute: letters, digits and underscores',
};

/** Type/key/value rows (Add, Update): the type says how the value is sent (a number, true/false, a date or text). */
export const typedAttributes: INodeProperties = {
	displayName: 'Custom Attributes',
	name: 'customAttributes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	required: true,
	placeholder: 'Add Custom Attribute',
	default: {},
	description: 'The custom attributes, one row each, e.g. String "channel" = "Facebook"',
	options: [
		{
			displayName: 'Attribute',
			name: 'attribute',
			values: [
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: ATTRIBUTE_TYPES.map((type) => ({ name: type, value: type })),
					default: 'String',
					description:
						'The data type of the attribute; the value is sent as this type (Update: the type it was added with)',
				},
				keyField,
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. Facebook',
					description:
						'Integer and Decimal: a number; Boolean: true or false; Timestamp: an ISO 8601 date, e.g. 2026-01-10T09:30:00Z',
				},
				{
					displayName: 'Source',
					name: 'source',
					type: 'string',
					default: '',
					placeholder: 'e.g. integration',
					description: 'Where the value comes from, shown in ChartMogul (empty: "API")',
				},
			],
		},
	],
};

/** Key-only rows (Remove). */
export const attributeKeys: INodeProperties = {
	...typedAttributes,
	description: 'The keys of the custom attributes to remove, one row each',
	options: [{ displayName: 'Attribute', name: 'attribute', values: [keyField] }],
};
