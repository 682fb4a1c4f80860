import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { jtel } from '../../transport';
import { checkDeleteTarget } from './body';
import { contactId } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete dialler contact',
	description: 'Delete a dialler contact by ID or by user data',
	routing: {
		// By user data: DELETE /dialler/contacts/contact?userData=…; by ID, Contact ID's routing sets the URL.
		request: { method: 'DELETE', url: '/dialler/contacts/contact' },
		operations: { pagination: jtel.sendChecked(checkDeleteTarget) },
		output: { postReceive: [deleted] },
	},
	fields: [
		{
			displayName: 'Delete By',
			name: 'deleteBy',
			type: 'options',
			options: [
				{ name: 'Contact ID', value: 'id' },
				{ name: 'User Data', value: 'userData' },
			],
			default: 'id',
		},
		...contactId.map((field) => ({
			...field,
			displayOptions: { show: { ...field.displayOptions?.show, deleteBy: ['id'] } },
			routing: { request: { url: '/dialler/contacts/contact/{contactId}' } },
		})),
		{
			displayName: 'User Data',
			name: 'userData',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. crm-4711',
			hint: 'jtel deletes only the first contact with this user data; run it again (or delete by ID) for the others',
			displayOptions: { show: { deleteBy: ['userData'] } },
			routing: {
				send: { type: 'query', property: 'userData', value: '={{ String($value).trim() }}' },
			},
		},
	],
};
