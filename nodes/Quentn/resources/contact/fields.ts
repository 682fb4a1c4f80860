import { checkUtc, utcDateTime, UTC_HINT } from '../../../shared/dates';
import { changedInVersion2, fieldCollection } from '../../../shared/description';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { idList } from '../../../shared/validators';

/** A contact's id, as used in paths. */
export const contactId: INodeProperties = {
	displayName: 'Contact ID',
	name: 'contactId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 123',
	description: 'The numeric ID of the contact in Quentn',
	// Quentn's API finds contacts by ID or e-mail only (quentn-php ContactClient): there is no list to pick from.
	hint: 'Quentn cannot list contacts: map the ID from an earlier node (e.g. the "id" of Get by Email or Create)',
};

export const email: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'e.g. name@email.com',
	default: '',
	description:
		'Primary email address of the contact. Quentn needs either an email address or a full address (first name, family name, street, city, postal code).',
};

const text = (
	displayName: string,
	name: string,
	description?: string,
	placeholder?: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(description ? { description } : {}),
	...(placeholder ? { placeholder } : {}),
});

/** The standard contact fields (Quentn help centre "Contact API", its list of contact fields); keys are Quentn's field names in camelCase. */
const standardFields: INodeProperties[] = [
	text('Billing City', 'baCity'),
	text(
		'Billing Country',
		'baCountry',
		'Country as ISO 3166-1 alpha-2 code, e.g. DE for Germany',
		'DE',
	),
	text('Billing Postal Code', 'baPostalCode'),
	text('Billing State', 'baState'),
	text('Billing Street', 'baStreet'),
	text('Billing Street 2', 'baStreet2'),
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Adds this text as a new comment on the contact',
	},
	text('Company', 'company'),
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description: "Fields you created in Quentn, picked from the account's custom fields",
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					// Version 2 picks the field from the account (GET /custom-fields); version 1 kept its text field.
					...changedInVersion2(
						{
							displayName: 'Field Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'my_field',
							description: 'The field name (not the label) of the custom field',
						},
						{
							displayName: 'Field Name or ID',
							name: 'name',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getCustomFields' },
							default: '',
							description:
								'The custom field, from the account\'s custom fields (its field name is sent). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
					),
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Date of Birth',
		name: 'dateOfBirth',
		type: 'dateTime',
		default: '',
		description: 'Sent as ISO 8601 in UTC, e.g. 2004-02-12T15:19:21+00:00',
		hint: UTC_HINT,
	},
	text('Facebook', 'fb'),
	text('Family Name', 'familyName'),
	text('Fax', 'fax'),
	text('First Name', 'firstName'),
	text('Job Title', 'jobTitle'),
	{
		displayName: 'Mail Status',
		name: 'mailStatus',
		type: 'number',
		default: 0,
		description:
			'Email status code; only has an effect when your Quentn API key has the special permission for it',
	},
	text('Owner', 'owner', 'The owning Quentn user: their user ID or email address'),
	text('Phone', 'phone'),
	text('Phone 2', 'phone2'),
	text('Phone 2 Type', 'phone2Type', 'Type of the second phone number, e.g. work', 'work'),
	text('Phone Type', 'phoneType', 'Type of the primary phone number, e.g. work', 'work'),
	text('Secondary Email', 'mail2'),
	text('Skype', 'skype'),
	{
		displayName: 'Term Names or IDs',
		name: 'terms',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTerms' },
		default: [],
		description:
			'Terms (tags) of the contact; this replaces its terms. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	text('Title', 'title', 'Salutation code, one character, e.g. m for Mr.', 'm'),
	text('Title 2', 'title2', 'Academic title code, e.g. dr for Dr.', 'dr'),
	text('Twitter', 'twitter'),
];

/** Fields of a create (additionalFields). */
export const contactFields = standardFields;

/** Fields of an update (updateFields): the same plus the primary email, under Quentn's name `mail`. */
export const contactUpdateFields: INodeProperties[] = [
	...standardFields,
	{
		...email,
		displayName: 'Email',
		name: 'mail',
		description: 'Primary email address of the contact',
	},
].sort((a, b) => a.displayName.localeCompare(b.displayName));

const returnFields: INodeProperties = {
	displayName: 'Return Fields',
	name: 'returnFields',
	type: 'string',
	default: '',
	placeholder: 'e.g. mail,first_name,family_name',
	description:
		'Comma-separated Quentn field names to return on success (useful when a duplicate was merged)',
};

/** Options of create and create many (the request's top level, next to `contact`/`contacts`). */
export const createOptions: INodeProperties[] = [
	{
		displayName: 'Duplicate Check Method',
		name: 'duplicateCheckMethod',
		type: 'options',
		default: 'auto',
		description: 'How Quentn looks for an existing contact to merge with',
		options: [
			{
				name: 'Auto',
				value: 'auto',
				description: 'A probability algorithm looks for duplicates (Quentn default)',
			},
			{
				name: 'Email',
				value: 'email',
				description: 'A contact with the same email address is a duplicate',
			},
			{ name: 'None', value: 'none', description: 'Always create a new contact' },
		],
	},
	{
		displayName: 'Duplicate Merge Method',
		name: 'duplicateMergeMethod',
		type: 'options',
		default: 'update_add',
		description: 'How a found duplicate is merged',
		options: [
			{
				name: 'Update and Add',
				value: 'update_add',
				description: 'Missing fields are added, existing fields are overwritten (Quentn default)',
			},
			{ name: 'Update', value: 'update', description: 'Existing fields are overwritten' },
			{ name: 'Add', value: 'add', description: 'Only missing fields are added' },
		],
	},
	{
		displayName: 'Flood Limit',
		name: 'floodLimit',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'Max number of contacts created from the same Request IP per hour (0 = no limit). Needs Request IP.',
	},
	{
		displayName: 'Request IP',
		name: 'requestIp',
		type: 'string',
		default: '',
		placeholder: 'e.g. 123.123.123.123',
		description:
			'IPv4 address the contact came from (e.g. of a form submission). Needed for Flood Limit and Spam Protection.',
	},
	returnFields,
	{
		displayName: 'Spam Protection',
		name: 'spamProtection',
		type: 'boolean',
		default: false,
		description: 'Whether to check the Request IP against a spammer database',
	},
];

export const updateOptions: INodeProperties[] = [returnFields];

/** `firstName` → `first_name`, `baStreet2` → `ba_street2`, `phone2Type` → `phone2_type`: Quentn's field names. */
function quentnFieldName(key: string): string {
	return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function commaList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

/**
 * The contact object Quentn expects, from the values of additionalFields / updateFields; `timeZone` (the workflow's)
 * reads a date of birth without a zone. A date of birth that is not a date is kept, for `checkDateOfBirth`.
 */
export function contactObject(values: IDataObject, timeZone: string): IDataObject {
	const contact: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (key === 'customFields') {
			for (const field of ((value as IDataObject)?.field as IDataObject[] | undefined) ?? []) {
				const name = String(field.name ?? '').trim();
				if (name !== '') contact[name] = field.value as string;
			}
		} else if (key === 'terms') {
			contact.terms = idList(value).map((id) => (/^\d+$/.test(id) ? Number(id) : id));
		} else if (key === 'dateOfBirth') {
			// Quentn's example is "2004-02-12T15:19:21+00:00" (help centre "Contact API"): the moment, in UTC.
			if (value !== '' && value !== null && value !== undefined)
				contact.date_of_birth = utcDateTime(value, timeZone, 'iso') ?? (value as string);
		} else if (value !== undefined) {
			contact[quentnFieldName(key)] = value;
		}
	}
	return contact;
}

/** The request's top-level options (`duplicate_check_method`, `return_fields`, …) from the Options collection. */
export function requestOptions(options: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(options)) {
		if (key === 'chunkSize' || key === 'errorIfNotFound' || key === 'fields') continue;
		if (key === 'returnFields') {
			const list = commaList(value);
			if (list.length) out.return_fields = list;
		} else if (key === 'requestIp') {
			if (String(value).trim() !== '') out.request_ip = String(value).trim();
		} else {
			out[quentnFieldName(key)] = value;
		}
	}
	return out;
}

/** Reads a parameter of the current item, whichever context reads it. */
type ReadParameter = (name: string, fallback: unknown) => unknown;

/** One contact to create, with the request options: the same for create and for each item of create many. */
export function contactToCreate(
	read: ReadParameter,
	timeZone: string,
): {
	contact: IDataObject;
	options: IDataObject;
} {
	const mail = String(read('email', '') ?? '').trim();
	const contact = contactObject(read('additionalFields', {}) as IDataObject, timeZone);
	return {
		contact: mail === '' ? contact : { mail, ...contact },
		options: requestOptions(read('options', {}) as IDataObject),
	};
}

/** preSend of update: the fields to change at the top level, plus `return_fields` (Quentn help centre "Contact API": "Update contact"). */
export async function updateBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fields = contactObject(
		this.getNodeParameter('updateFields', {}) as IDataObject,
		this.getTimezone(),
	);
	return {
		...options,
		body: { ...fields, ...requestOptions(this.getNodeParameter('options', {}) as IDataObject) },
	};
}

/** Check: the routed date of birth (at `path` of the body) is a date. */
export const checkDateOfBirth = (path: string) => checkUtc('body', path, 'iso', 'Date of Birth');

/** `?fields=a,b`: which contact fields Quentn returns (default: id, first_name, family_name, mail). */
export const fieldsOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'string',
	default: '',
	placeholder: 'e.g. first_name,family_name,mail,terms',
	description:
		'Comma-separated Quentn field names to return. By default Quentn returns ID, first name, family name and email.',
	routing: {
		send: {
			type: 'query',
			property: 'fields',
			value: '={{ String($value).split(",").map(f => f.trim()).filter(f => f).join(",") }}',
		},
	},
};

/** The parameters of create and of create many (each item one contact): the email, the fields, the options. */
export function createParameters(options: INodeProperties[]): INodeProperties[] {
	return [
		email,
		fieldCollection('additionalFields', contactFields),
		fieldCollection('options', options),
	];
}
