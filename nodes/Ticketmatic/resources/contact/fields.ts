import type { INodeProperties } from 'n8n-workflow';

import { sendUtc, UTC_HINT } from '../../../shared/dates';
import { changedInVersion2, fieldCollection, sendQuery } from '../../../shared/description';
import { emailField, stringField } from '../../../shared/fields';
import { recordLocator } from '../../../shared/locator';

/** The contact: its numeric ID typed in version 1, a locator (search by name or e-mail) from version 2. */
export const contactId: INodeProperties[] = changedInVersion2(
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 10001',
		description: 'The numeric ID of the contact',
	},
	recordLocator({
		displayName: 'Contact',
		name: 'contactId',
		description: 'The contact: search by name or e-mail, or give its numeric ID',
		searchListMethod: 'searchContacts',
		id: { placeholder: 'e.g. 10001', regex: '^\\s*[0-9]+\\s*$', error: 'A contact ID is a number' },
	}),
);

/** Simplify keeps these contact fields (addresses, phone numbers, opt-ins and custom fields are left out). */
export const SIMPLE_CONTACT = [
	'id',
	'firstname',
	'middlename',
	'lastname',
	'email',
	'company',
	'birthdate',
	'languagecode',
	'relationtypes',
	'lastupdatets',
] as const;

/** A contact's e-mail address. Optional: Ticketmatic creates and imports contacts without one (tm-go contacts TestCreate, TestImport). */
export const email: INodeProperties = emailField({
	description:
		'The e-mail address of the contact; may be left empty. When given, it must be a valid address.',
});

/** Relation types ("Press", "VIP", …) are how Ticketmatic classifies contacts; the list comes from the account. */
export const relationTypeIds: INodeProperties = {
	displayName: 'Relation Type Names or IDs',
	name: 'relationTypeIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getRelationTypes' },
	default: [],
	description:
		'Relation types of the contact. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** A dropdown of one of the account's settings lists (nodes/Ticketmatic/methods). */
const accountPicker = (
	displayName: string,
	name: string,
	loadOptionsMethod: string,
	about: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod },
	default: '',
	description: `${about}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	...extra,
});

/**
 * Address and phone number type ids are per account (tm-go contacts tests load /settings/system/contactaddresstypes
 * and phonenumbertypes first). Version 1 kept its number field with default 1 so saved workflows run unchanged;
 * from version 2 the type is picked from the account and there is no default.
 */
function typeId(what: string, loadOptionsMethod: string): INodeProperties[] {
	return changedInVersion2(
		{
			displayName: 'Type ID',
			name: 'typeId',
			type: 'number',
			default: 1,
			description: `${what} type ID (Settings → System → ${what} types)`,
		},
		accountPicker(
			'Type Name or ID',
			'typeId',
			loadOptionsMethod,
			`${what} type, from the account's ${what.toLowerCase()} types`,
			{ required: true },
		),
	);
}

/** Contact fields other than the e-mail (https://www.ticketmatic.com/docs/api/contacts/import), for create, update and import. */
export const optionalContactFields: INodeProperties[] = [
	{
		displayName: 'Addresses',
		name: 'addresses',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Address',
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: [
					...typeId('Address', 'getAddressTypes'),
					// Street fields as tm-go types.go Address names them: street name, number, box or suffix.
					stringField('Street', 'street1', { description: 'Typically the street name' }),
					stringField('House Number', 'street2', { description: 'Typically the number' }),
					stringField('Street 3', 'street3', {
						description: 'Sometimes used for box numbers or suffixes',
					}),
					stringField('Postal Code', 'zip'),
					stringField('City', 'city'),
					stringField('State', 'state'),
					stringField('Country Code', 'countryCode', {
						placeholder: 'e.g. BE',
						description: 'ISO 3166-1 alpha-2 code',
					}),
				],
			},
		],
	},
	stringField('Birth Date', 'birthdate', {
		placeholder: 'e.g. 1986-09-26',
		description: 'YYYY-MM-DD',
	}),
	stringField('Company', 'company'),
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Custom Field',
		description: 'Custom contact fields of the account; each is sent as c_&lt;key&gt;',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					...changedInVersion2(
						stringField('Key', 'key', {
							placeholder: 'membership',
							description: 'The custom field key, with or without the "c_" prefix',
						}),
						accountPicker(
							'Field Name or ID',
							'key',
							'getCustomFields',
							'A custom contact field of the account (its key is sent as c_&lt;key&gt;; with an expression, the key with or without "c_")',
						),
					),
					stringField('Value', 'value'),
				],
			},
		],
	},
	...changedInVersion2(
		{
			displayName: 'Customer Title ID',
			name: 'customerTitleId',
			type: 'number',
			default: 0,
			description:
				'Title of the contact (also sets the gender), from Settings → System → Contact titles',
		},
		accountPicker(
			'Customer Title Name or ID',
			'customerTitleId',
			'getContactTitles',
			"Title of the contact (also sets the gender), from the account's contact titles",
		),
	),
	stringField('First Name', 'firstName'),
	stringField('Language Code', 'languageCode', {
		placeholder: 'e.g. NL',
		description: 'ISO 639-1 code',
	}),
	stringField('Last Name', 'lastName'),
	stringField('Middle Name', 'middleName'),
	{
		displayName: 'Opt-Ins',
		name: 'optIns',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Opt-In',
		options: [
			{
				displayName: 'Opt-In',
				name: 'optIn',
				values: [
					...changedInVersion2(
						{
							displayName: 'Opt-In ID',
							name: 'optInId',
							type: 'number',
							default: 0,
							description: 'From Settings → System → Opt-ins',
						},
						accountPicker('Opt-In Name or ID', 'optInId', 'getOptIns', 'An opt-in of the account', {
							required: true,
						}),
					),
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						// Ticketmatic's opt-in status codes (7602 in https://www.ticketmatic.com/docs/api/contacts/import; 7601, 7603 unverified).
						options: [
							{ name: 'Opted In', value: 7602 },
							{ name: 'Opted Out', value: 7603 },
							{ name: 'Unknown', value: 7601 },
						],
						default: 7602,
					},
					stringField('Method', 'method', {
						placeholder: 'e.g. web',
						description: 'How the answer was given',
					}),
					stringField('Remarks', 'remarks'),
				],
			},
		],
	},
	stringField('Organization Function', 'organizationFunction', { description: 'Job function' }),
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Phone Number',
		options: [
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				values: [
					...typeId('Phone Number', 'getPhoneNumberTypes'),
					stringField('Number', 'number', { placeholder: 'e.g. +3216881940' }),
				],
			},
		],
	},
	relationTypeIds,
	stringField('Sex', 'sex', { placeholder: 'e.g. M' }),
	stringField('VAT Number', 'vatNumber', { description: 'For organizations' }),
];

/** The optional fields of a new contact (create and import). */
export const additionalFields: INodeProperties = fieldCollection(
	'additionalFields',
	optionalContactFields,
);

/** Filters shared by the contact and relation type lists. */
export const listFilters = {
	includeArchived: {
		displayName: 'Include Archived',
		name: 'includeArchived',
		type: 'boolean',
		default: false,
		description: 'Whether to include archived records',
		routing: sendQuery('includearchived'),
	},
	lastUpdateSince: {
		displayName: 'Last Updated Since',
		name: 'lastUpdateSince',
		type: 'dateTime',
		default: '',
		description: 'Only records changed since this moment',
		hint: UTC_HINT,
		// Ticketmatic takes "YYYY-MM-DD HH:mm:ss" in UTC (tm-go ticketmatic/time.go; https://www.ticketmatic.com/docs/api/contacts/getlist).
		routing: sendUtc('query', 'lastupdatesince', 'space'),
	},
	filter: {
		displayName: 'SQL Filter',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: 'e.g. SELECT ID FROM tm.contact WHERE …',
		description: 'A Ticketmatic SQL query that returns the IDs to include',
		routing: sendQuery('filter'),
	},
} satisfies Record<string, INodeProperties>;
