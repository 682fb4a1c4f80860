import type { INodeProperties } from 'n8n-workflow';

import { changedInVersion2, sendBody } from '../../../shared/description';
import { emailField } from '../../../shared/fields';
import { recordLocator } from '../../../shared/locator';

/** The dialler contact (DiallerContactsID, used in paths): typed in version 1, a locator from version 2. */
export const contactId: INodeProperties[] = changedInVersion2(
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 70001',
		description: 'The ID of the dialler contact (DiallerContactsID)',
	},
	recordLocator({
		displayName: 'Contact',
		name: 'contactId',
		description:
			'The dialler contact, picked by name, phone number or user data, or its ID (DiallerContactsID)',
		searchListMethod: 'searchDiallerContacts',
		id: {
			placeholder: 'e.g. 70001',
			regex: '^\\s*[0-9]+\\s*$',
			error: 'A dialler contact ID is a number',
		},
	}),
);

/** Simplify keeps these of the ~80 fields of a dialler contact (the per-number dialling state is left out). */
export const SIMPLE_CONTACT = [
	'ID',
	'DiallerCampaignsID',
	'UserData',
	'Name',
	'FirstName',
	'Company',
	'PhoneNumber1',
	'Email',
	'Comment',
	'dtNextTry',
] as const;

interface ContactFieldOptions {
	type?: 'string' | 'number' | 'dateTime';
	description?: string;
	placeholder?: string;
}

/** One import field: `key` is jtel's field name in camelCase, `property` jtel's own name in the body. */
function contactField(
	displayName: string,
	key: string,
	property: string,
	{ type = 'string', description, placeholder }: ContactFieldOptions = {},
): INodeProperties {
	return {
		displayName,
		name: key,
		type,
		default: type === 'number' ? 0 : '',
		...(description ? { description } : {}),
		...(placeholder ? { placeholder } : {}),
		routing: sendBody(property),
	};
}

const phone = (n: number) =>
	contactField(`Phone Number ${n}`, `phoneNumber${n}`, `PhoneNumber${n}`, {
		placeholder: 'e.g. +4989123456',
	});

/** Every documented import field but the campaign, Name and PhoneNumber1 (jtel wiki "Import a Dialler Contact"). */
export const importFields: INodeProperties[] = [
	contactField('Account BIC', 'accountBic', 'AccountBIC'),
	contactField('Account Bank', 'accountBank', 'AccountBank'),
	contactField('Account IBAN', 'accountIban', 'AccountIBAN'),
	contactField('Account National Bank Code', 'accountNationalBankCode', 'AccountNationalBankCode'),
	contactField('Account Number', 'accountNumber', 'AccountNumber'),
	contactField('Account Owner', 'accountOwner', 'AccountOwner'),
	contactField('Address', 'address', 'Address', { description: 'Street and house number' }),
	contactField('Amount', 'amount', 'Amount', { type: 'number' }),
	contactField('Begin Date', 'dtBeginDate', 'dtBeginDate', {
		type: 'dateTime',
		description: 'The contact is not dialled before this date',
	}),
	contactField('City', 'city', 'City'),
	contactField('Client', 'client', 'Client'),
	contactField('Comment', 'comment', 'Comment', {
		description: "The contact's notes, shown to the agent",
	}),
	contactField('Company', 'company', 'Company'),
	contactField('Country', 'country', 'Country'),
	emailField({ routing: sendBody('Email') }),
	contactField('End Date', 'dtEndDate', 'dtEndDate', {
		type: 'dateTime',
		description: 'The contact is not dialled after this date',
	}),
	contactField('External System Link', 'externalSystemLink', 'ExternalSystemLink', {
		description: 'A link to the contact in your system, shown to the agent',
	}),
	contactField('Fax Number', 'faxNumber', 'FaxNumber'),
	contactField('First Name', 'firstName', 'FirstName'),
	contactField('Follow-Up Date and Time', 'followUpDateTime', 'FollowUpDateTime', {
		type: 'dateTime',
		description: 'When the contact is to be called again',
	}),
	contactField('Follow-Up User UID', 'followUpUsersUid', 'FollowUpUsersUID', {
		description: 'The jtel user who makes the follow-up call',
	}),
	contactField('Manufacturer', 'manufacturer', 'Manufacturer'),
	contactField('Model', 'model', 'Model'),
	phone(2),
	phone(3),
	phone(4),
	phone(5),
	phone(6),
	contactField('Postal Code', 'postalCode', 'PostalCode'),
	contactField('Random Sort Order', 'randomSortOrder', 'RandomSortOrder', { type: 'number' }),
	contactField('Reference Number', 'referenceNumber', 'ReferenceNumber'),
	contactField('Reserved User UID', 'reservedUsersUid', 'ReservedUsersUID', {
		description: 'The jtel user the contact is reserved for',
	}),
	contactField('Salutation', 'salutation', 'Salutation'),
	contactField('Service', 'service', 'Service'),
	contactField('Tag', 'tag', 'Tag'),
	contactField('Title', 'title', 'Title'),
	contactField('User Data', 'userData', 'UserData', {
		description:
			'Your own key for this contact. With "Overwrite Duplicates" on, the contact with this user data is updated instead of a new one being created.',
	}),
	contactField('Website', 'website', 'Website'),
];

/** Phone numbers 2–6 sit in Additional Fields; the import needs at least one of 1–6. */
export const OTHER_PHONE_FIELDS = [
	'phoneNumber2',
	'phoneNumber3',
	'phoneNumber4',
	'phoneNumber5',
	'phoneNumber6',
];
