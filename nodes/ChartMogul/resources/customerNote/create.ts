import type { Operation } from '../../../shared/description';
import { fieldCollection, sendBody } from '../../../shared/description';
import { checkEmail } from '../../../shared/validators';
import { customerUuid } from '../contact/fields';
import { chartMogul } from '../../transport';
import { checkNoteDates, authorEmail, callDuration, createdAt, noteTypes, text } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create note or call log',
	description: "Add a note or a call log to a customer's profile",
	routing: {
		request: { method: 'POST', url: '/customer_notes' },
		operations: {
			pagination: chartMogul.sendChecked(
				checkEmail('additionalFields.authorEmail', true, 'author_email'),
				...checkNoteDates,
			),
		},
	},
	fields: [
		...customerUuid.map((field) => ({ ...field, routing: sendBody('customer_uuid') })),
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: noteTypes,
			default: 'note',
			description: 'Whether this is a note or a log of a call',
			routing: sendBody('type'),
		},
		{
			...text,
			// Optional: chartmogul-go notes.go NewNote sends `text` only when given (omitempty).
			description:
				'The content of the note or call log; may be left empty (e.g. a call log with only a duration)',
			routing: {
				send: {
					type: 'body',
					property: 'text',
					value: '={{ String($value ?? "").trim() === "" ? undefined : $value }}',
				},
			},
		},
		fieldCollection('additionalFields', [authorEmail, callDuration, createdAt]),
	],
};
