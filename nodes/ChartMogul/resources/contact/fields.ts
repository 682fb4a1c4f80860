import type { INodeProperties } from 'n8n-workflow';

import { changedInVersion2, sendBody } from '../../../shared/description';
import { emailField } from '../../../shared/fields';
import { recordLocator } from '../../../shared/locator';

/** A contact UUID (`con_…`) field: typed in version 1, a locator (contacts by name or e-mail) from version 2. */
export function contactLocator(
	name: string,
	displayName: string,
	description: string,
): INodeProperties[] {
	return changedInVersion2(
		{
			displayName: `${displayName} UUID`,
			name,
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. con_…',
			description: `${description}: its ChartMogul UUID, starting with "con_" (the "uuid" of a contact from Get Many or Create)`,
		},
		recordLocator({
			displayName,
			name,
			description,
			searchListMethod: 'searchContacts',
			id: {
				displayName: 'By UUID',
				placeholder: 'e.g. con_…',
				regex: '^\\s*con_\\S+\\s*$',
				error: 'A contact UUID starts with "con_"',
			},
		}),
	);
}

export const contactUuid = contactLocator('contactUuid', 'Contact', 'The contact');

/** Simplify keeps these contact fields (links, notes and custom attributes are left out). */
export const SIMPLE_CONTACT = [
	'uuid',
	'customer_uuid',
	'data_source_uuid',
	'first_name',
	'last_name',
	'title',
	'email',
	'phone',
] as const;

/** The customer (`cus_…`): typed in version 1, a locator (by name or e-mail, or its ChartMogul page) from version 2. */
export const customerUuid: INodeProperties[] = changedInVersion2(
	{
		displayName: 'Customer UUID',
		name: 'customerUuid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. cus_…',
		description: 'The ChartMogul UUID of the customer, starting with "cus_"',
		hint: 'Map it from an earlier node, e.g. the "customer_uuid" of a contact or note, or from a ChartMogul customer search',
	},
	recordLocator({
		displayName: 'Customer',
		name: 'customerUuid',
		description:
			'The customer: search by name or e-mail, paste the address of its ChartMogul page, or give its UUID',
		searchListMethod: 'searchCustomers',
		// A customer's page in the ChartMogul app is https://app.chartmogul.com/#/customers/<customer uuid>.
		url: {
			placeholder: 'e.g. https://app.chartmogul.com/#/customers/cus_…',
			regex: '\\s*https://app\\.chartmogul\\.com/#/customers/(cus_[^/?#\\s]+)(?:[/?#]\\S*)?\\s*',
			error: 'Paste the address of a customer page: https://app.chartmogul.com/#/customers/cus_…',
		},
		id: {
			displayName: 'By UUID',
			placeholder: 'e.g. cus_…',
			regex: '^\\s*cus_\\S+\\s*$',
			error: 'A customer UUID starts with "cus_"',
		},
	}),
);

/**
 * The `dataSourceUuid` picker: a list of the account's data sources (name shown, uuid stored), or a typed
 * uuid / expression. Callers add `routing` and `required`.
 */
export const dataSourceUuid: INodeProperties = {
	displayName: 'Data Source',
	name: 'dataSourceUuid',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchDataSources', searchable: true },
		},
		{
			displayName: 'By UUID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. ds_…',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*ds_\\S+\\s*$',
						errorMessage: 'A data source UUID starts with "ds_"',
					},
				},
			],
		},
	],
};

/** The contact's data source, picked from the account (body `data_source_uuid`). */
export const contactDataSource: INodeProperties = {
	...dataSourceUuid,
	required: true,
	description: 'The data source of the customer that the contact is stored in',
	routing: sendBody('data_source_uuid'),
};

/** Contact fields shared by create (Additional Fields) and update (Update Fields), sorted by name. */
export const optionalContactFields: INodeProperties[] = [
	{
		// ChartMogul takes custom attributes as [{ key, value }] and returns them as { key: value } (dev.chartmogul.com "Add a Contact to Customer").
		// Each row writes its own array element, so the whole mapping stays declarative (no code, no preSend).
		displayName: 'Custom Attributes',
		name: 'custom',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Attribute',
		default: {},
		description:
			'Custom attributes of the contact as key/value pairs, e.g. "date_of_birth" = "1985-01-22"',
		options: [
			{
				displayName: 'Attribute',
				name: 'attributes',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'e.g. date_of_birth',
						routing: sendBody('=custom[{{ $index }}].key'),
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1985-01-22',
						routing: sendBody('=custom[{{ $index }}].value'),
					},
				],
			},
		],
	},
	emailField({ routing: sendBody('email') }),
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: 'The ID of the contact in your own system',
		routing: sendBody('external_id'),
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		routing: sendBody('first_name'),
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		routing: sendBody('last_name'),
	},
	{
		displayName: 'LinkedIn',
		name: 'linkedIn',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://linkedin.com/in/…',
		description: "URL of the contact's LinkedIn profile",
		routing: sendBody('linked_in'),
	},
	{
		displayName: 'Notes',
		name: 'notes',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Free text about the contact',
		routing: sendBody('notes'),
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: 'e.g. +1234567890',
		routing: sendBody('phone'),
	},
	{
		displayName: 'Position',
		name: 'position',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: "Where the contact is listed in the customer's profile (1 = first)",
		routing: sendBody('position'),
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. CEO',
		description: 'Job title',
		routing: sendBody('title'),
	},
	{
		displayName: 'Twitter',
		name: 'twitter',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://twitter.com/…',
		description: "URL of the contact's Twitter profile",
		routing: sendBody('twitter'),
	},
];
