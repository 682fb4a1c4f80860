import type { INodeProperties } from 'n8n-workflow';

import { fieldCollection } from '../../../shared/description';
import { contactId, email, optionalContactFields } from '../contact/fields';

export const campaignId: INodeProperties = {
	displayName: 'Campaign Element ID',
	name: 'campaignId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 42',
	description: "The ID of the campaign's API trigger element",
	hint: "In the campaign builder, open the API trigger element's settings: its API URL ends with /cb/&lt;this ID&gt;",
};

export const contactBy: INodeProperties = {
	displayName: 'Contact By',
	name: 'contactBy',
	type: 'options',
	noDataExpression: true,
	default: 'id',
	options: [
		{ name: 'ID', value: 'id', description: 'An existing contact, by its Quentn ID' },
		{
			name: 'Email',
			value: 'email',
			description: 'By email address: Quentn adds the contact if it has none with this address',
		},
	],
};

export const contactReference: INodeProperties[] = [
	{
		...contactId,
		description: 'The numeric ID of the contact to start the campaign for',
		displayOptions: { show: { contactBy: ['id'] } },
	},
	{
		...email,
		required: true,
		description:
			'The email address of the contact; Quentn looks for a duplicate and otherwise creates the contact',
		displayOptions: { show: { contactBy: ['email'] } },
	},
];

/**
 * The contact's fields, sent with the start: the campaign API takes a whole contact and overwrites the fields of
 * a contact it finds (Quentn help centre "Campaign API": "submitted fields will overwrite existing contact fields").
 */
export const startContactFields: INodeProperties = {
	...fieldCollection('additionalFields', optionalContactFields),
	displayName: 'Contact Fields',
	name: 'contactFields',
	description: 'Fields of the contact to send with the start (new or changed values)',
};
