import type { Operation } from '../../../shared/description';
import { fieldCollection, returnAllAndLimit, sendQuery } from '../../../shared/description';
import { chartMogulList } from '../../transport';
import { noteTypes } from './fields';
import { emailField } from '../../../shared/fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many notes and call logs',
	description: 'List notes and call logs, optionally of one customer or one type',
	routing: {
		request: { method: 'GET', url: '/customer_notes' },
		operations: { pagination: chartMogulList },
	},
	fields: [
		...returnAllAndLimit(),
		fieldCollection('filters', [
			emailField({
				displayName: 'Author Email',
				name: 'authorEmail',
				description: 'Only notes and call logs written by the ChartMogul user with this email',
				routing: sendQuery('author_email'),
			}),
			{
				displayName: 'Customer UUID',
				name: 'customerUuid',
				type: 'string',
				default: '',
				placeholder: 'e.g. cus_…',
				description: 'Only notes and call logs of this customer',
				routing: sendQuery('customer_uuid'),
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: noteTypes,
				default: 'note',
				description: 'Only notes or only call logs',
				routing: sendQuery('type'),
			},
		]),
	],
};
