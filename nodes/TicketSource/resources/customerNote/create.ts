import type { Operation } from '../../../shared/description';
import { sendBody } from '../../../shared/description';
import { flattenJsonApi, unwrap } from '../../../shared/output';
import { customerId } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create customer note',
	description: 'Add a note to a customer',
	routing: {
		request: {
			method: 'POST',
			url: '/customers/{customerId}/notes',
			body: { data: { type: 'customer_note' } },
		},
		output: { postReceive: [unwrap('data'), flattenJsonApi] },
	},
	fields: [
		...customerId,
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: 'The text of the note',
			routing: sendBody('data.attributes.description'),
		},
		{
			displayName: 'Created By',
			name: 'createdBy',
			type: 'string',
			required: true,
			default: 'n8n',
			description: 'Who or what wrote the note; any label, shown with the note in TicketSource',
			routing: sendBody('data.attributes.created_by'),
		},
	],
};
