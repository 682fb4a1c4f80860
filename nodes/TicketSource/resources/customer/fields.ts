import type { INodeProperties } from 'n8n-workflow';

import { changedInVersion2, sendBody } from '../../../shared/description';
import { emailField } from '../../../shared/fields';
import { recordLocator } from '../../../shared/locator';

/** The customer id used in paths (ids look like `cst-…`): typed in version 1, a locator from version 2. */
export const customerId: INodeProperties[] = changedInVersion2(
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. cst-xxxxxxxxxx',
		description: 'The ID of the customer, starting with "cst-"',
	},
	recordLocator({
		displayName: 'Customer',
		name: 'customerId',
		description: 'The customer, picked by name or e-mail, or its ID',
		searchListMethod: 'searchCustomers',
		id: {
			placeholder: 'e.g. cst-xxxxxxxxxx',
			regex: '^\\s*cst-[^/?#%\\\\\\s]+\\s*$',
			error: 'A customer ID starts with "cst-"',
		},
	}),
);

/** Simplify keeps these customer fields (the address, membership and consent objects are left out). */
export const SIMPLE_CUSTOMER = [
	'id',
	'title',
	'first_name',
	'last_name',
	'email',
	'telephone',
	'created_at',
	'updated_at',
] as const;

/** Where a customer attribute goes in TicketSource's JSON:API body. */
const attribute = (name: string) => sendBody(`data.attributes.${name}`);

/** Customer attributes other than the names and e-mail, shared by create and update. */
export const customerAttributes: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Address',
		options: [
			{
				displayName: 'Address',
				name: 'details',
				values: [
					{
						displayName: 'Line 1',
						name: 'line1',
						type: 'string',
						default: '',
						routing: attribute('address.line_1'),
					},
					{
						displayName: 'Line 2',
						name: 'line2',
						type: 'string',
						default: '',
						routing: attribute('address.line_2'),
					},
					{
						displayName: 'Line 3',
						name: 'line3',
						type: 'string',
						default: '',
						routing: attribute('address.line_3'),
					},
					{
						displayName: 'Line 4',
						name: 'line4',
						type: 'string',
						default: '',
						routing: attribute('address.line_4'),
					},
					{
						displayName: 'Postcode',
						name: 'postcode',
						type: 'string',
						default: '',
						routing: attribute('address.postcode'),
					},
				],
			},
		],
	},
	{
		displayName: 'Consent',
		name: 'consent',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Consent',
		description: 'Which channels the customer agreed to be contacted on',
		options: [
			{
				displayName: 'Consent',
				name: 'details',
				values: [
					{
						displayName: 'Email',
						name: 'email',
						type: 'boolean',
						default: false,
						description: 'Whether the customer may be contacted by email',
						routing: attribute('consent.email'),
					},
					{
						displayName: 'Post',
						name: 'post',
						type: 'boolean',
						default: false,
						description: 'Whether the customer may be contacted by post',
						routing: attribute('consent.post'),
					},
					{
						displayName: 'SMS',
						name: 'sms',
						type: 'boolean',
						default: false,
						description: 'Whether the customer may be contacted by SMS',
						routing: attribute('consent.sms'),
					},
				],
			},
		],
	},
	{
		displayName: 'Membership',
		name: 'membership',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Membership',
		options: [
			{
				displayName: 'Membership',
				name: 'details',
				values: [
					{
						displayName: 'Identifier',
						name: 'identifier',
						type: 'string',
						default: '',
						description: 'Membership number or code',
						routing: attribute('membership.identifier'),
					},
					{
						displayName: 'Start Date',
						name: 'startDate',
						type: 'string',
						default: '',
						placeholder: 'e.g. 2026-01-01',
						description: 'First day of the membership (YYYY-MM-DD)',
						routing: attribute('membership.start_date'),
					},
					{
						displayName: 'End Date',
						name: 'endDate',
						type: 'string',
						default: '',
						placeholder: 'e.g. 2026-12-31',
						description: 'Last day of the membership (YYYY-MM-DD)',
						routing: attribute('membership.end_date'),
					},
				],
			},
		],
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		description: 'Phone number (TicketSource returns it as "telephone")',
		routing: attribute('phone'),
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Mr, Ms, Dr…',
		routing: attribute('title'),
	},
];

export const names = {
	firstName: {
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		routing: attribute('first_name'),
	},
	lastName: {
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		routing: attribute('last_name'),
	},
	email: emailField({ routing: attribute('email') }),
} satisfies Record<string, INodeProperties>;
