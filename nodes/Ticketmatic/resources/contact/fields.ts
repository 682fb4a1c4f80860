import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sendUtc, UTC_HINT } from '../../../shared/dates';
import { changedInVersion2, fieldCollection } from '../../../shared/description';
import { recordLocator } from '../../../shared/locator';
import type { Check, ValueSource } from '../../../shared/validators';
import { digits, emailAddress, idList } from '../../../shared/validators';

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
export const email: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'e.g. name@email.com',
	default: '',
	description:
		'The e-mail address of the contact; may be left empty. When given, it must be a valid address.',
};

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

const text = (
	displayName: string,
	name: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...extra,
});

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
export const contactFields: INodeProperties[] = [
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
					text('Street', 'street1', { description: 'Typically the street name' }),
					text('House Number', 'street2', { description: 'Typically the number' }),
					text('Street 3', 'street3', {
						description: 'Sometimes used for box numbers or suffixes',
					}),
					text('Postal Code', 'zip'),
					text('City', 'city'),
					text('State', 'state'),
					text('Country Code', 'countryCode', {
						placeholder: 'e.g. BE',
						description: 'ISO 3166-1 alpha-2 code',
					}),
				],
			},
		],
	},
	text('Birth Date', 'birthdate', { placeholder: 'e.g. 1986-09-26', description: 'YYYY-MM-DD' }),
	text('Company', 'company'),
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
						text('Key', 'key', {
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
					text('Value', 'value'),
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
	text('First Name', 'firstName'),
	text('Language Code', 'languageCode', { placeholder: 'e.g. NL', description: 'ISO 639-1 code' }),
	text('Last Name', 'lastName'),
	text('Middle Name', 'middleName'),
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
					text('Method', 'method', {
						placeholder: 'e.g. web',
						description: 'How the answer was given',
					}),
					text('Remarks', 'remarks'),
				],
			},
		],
	},
	text('Organization Function', 'organizationFunction', { description: 'Job function' }),
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
					text('Number', 'number', { placeholder: 'e.g. +3216881940' }),
				],
			},
		],
	},
	relationTypeIds,
	text('Sex', 'sex', { placeholder: 'e.g. M' }),
	text('VAT Number', 'vatNumber', { description: 'For organizations' }),
];

/** The optional fields of a new contact (create and import). */
export const additionalFields: INodeProperties = fieldCollection('additionalFields', contactFields);

/** Parameter name → Ticketmatic's field name, for the fields sent as they are. */
const PLAIN: Record<string, string> = {
	birthdate: 'birthdate',
	company: 'company',
	firstName: 'firstname',
	languageCode: 'languagecode',
	lastName: 'lastname',
	middleName: 'middlename',
	organizationFunction: 'organizationfunction',
	sex: 'sex',
	vatNumber: 'vatnumber',
};

function entries(value: unknown, name: string): IDataObject[] {
	const list = (value as IDataObject | undefined)?.[name];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** An id from one of the account's settings lists (picked, typed or mapped): digits, sent as a number. */
function accountId(value: unknown, source: ValueSource): number {
	return Number(digits(value, source));
}

/** Drops the empty strings a form leaves behind in a nested entry. */
function filled(record: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(record).filter(([, v]) => v !== '' && v !== undefined && v !== null),
	);
}

/** Relation type ids from the picker (numbers), an expression (array) or a typed list ("1, 2"): sorted, each once. */
export function relationTypeIdList(value: unknown, source: ValueSource): number[] {
	const ids = idList(value).map((id) => Number(digits(id, source)));
	return [...new Set(ids)].sort((a, b) => a - b);
}

/**
 * A Ticketmatic Contact from the node's fields (`email` + a create/update collection): vendor field names,
 * nested lists in Ticketmatic's shape, custom fields as `c_<key>`. Throws a NodeOperationError naming the field.
 */
export function contactBody(fields: IDataObject, node: INode, itemIndex: number): IDataObject {
	const at = (parameter: string): ValueSource => ({ node, parameter, itemIndex });
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		if (name in PLAIN) body[PLAIN[name]] = value;
	}
	// Checked only when given: Ticketmatic itself accepts a contact without an e-mail address.
	if (fields.email !== undefined && String(fields.email).trim() !== '')
		body.email = emailAddress(fields.email, at('Email'));
	if (fields.addresses !== undefined) {
		body.addresses = entries(fields.addresses, 'address').map((a) =>
			filled({
				typeid: accountId(a.typeId, at('Addresses → Type')),
				street1: a.street1,
				street2: a.street2,
				street3: a.street3,
				zip: a.zip,
				city: a.city,
				state: a.state,
				countrycode: a.countryCode,
			}),
		);
	}
	if (fields.phoneNumbers !== undefined) {
		body.phonenumbers = entries(fields.phoneNumbers, 'phoneNumber').map((p) =>
			filled({ typeid: accountId(p.typeId, at('Phone Numbers → Type')), number: p.number }),
		);
	}
	if (fields.optIns !== undefined) {
		body.optins = entries(fields.optIns, 'optIn').map((o) => ({
			optinid: accountId(o.optInId, at('Opt-Ins → Opt-In')),
			status: o.status,
			info: filled({ method: o.method, remarks: o.remarks }),
		}));
	}
	if (fields.customerTitleId !== undefined && fields.customerTitleId !== '') {
		body.customertitleid = accountId(fields.customerTitleId, at('Customer Title'));
	}
	if (fields.relationTypeIds !== undefined) {
		body.relationtypes = relationTypeIdList(
			fields.relationTypeIds,
			at('Relation Type Names or IDs'),
		);
	}
	for (const field of entries(fields.customFields, 'field')) {
		// Custom fields appear on the contact as c_<key> properties (tm-go types.go CustomField.Key).
		const key = String(field.key ?? '')
			.trim()
			.replace(/^c_/, '');
		if (!/^[A-Za-z0-9_]+$/.test(key)) {
			throw new NodeOperationError(node, `Custom field key "${key.slice(0, 60)}" is not valid`, {
				itemIndex,
				description:
					'Use the key of the custom field as Ticketmatic shows it (letters, digits and "_"), with or without "c_".',
			});
		}
		body[`c_${key}`] = field.value;
	}
	return body;
}

/** The fields of one item: `email` (when the operation has it on top) and the collection's. */
function fieldsOf(
	ctx: IExecuteSingleFunctions,
	collection: string,
	withEmail: boolean,
): IDataObject {
	const fields = { ...(ctx.getNodeParameter(collection, {}) as IDataObject) };
	if (withEmail) fields.email = ctx.getNodeParameter('email', '') as string;
	return fields;
}

/**
 * preSend: the item's Contact as the request body. n8n runs preSend before the transport's guarded hook, so a
 * bad value is left for `checkContact` to report there (where "continue on fail" and pairing work).
 */
export function sendContact(collection: string, withEmail: boolean) {
	return async function (
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		try {
			return {
				...options,
				body: contactBody(
					fieldsOf(this, collection, withEmail),
					this.getNode(),
					this.getItemIndex(),
				),
			};
		} catch {
			return options; // reported by checkContact, before anything is sent
		}
	};
}

/** Check: the item's contact fields are valid (the same rules `sendContact` builds with). */
export function checkContact(collection: string, withEmail: boolean): Check {
	return (ctx) => {
		contactBody(fieldsOf(ctx, collection, withEmail), ctx.getNode(), ctx.getItemIndex());
	};
}

/** Filters shared by the contact and relation type lists. */
export const listFilters = {
	includeArchived: {
		displayName: 'Include Archived',
		name: 'includeArchived',
		type: 'boolean',
		default: false,
		description: 'Whether to include archived records',
		routing: { send: { type: 'query', property: 'includearchived' } },
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
		routing: { send: { type: 'query', property: 'filter' } },
	},
} satisfies Record<string, INodeProperties>;
