import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { checkEmail } from '../../../shared/validators';
import { chartMogul } from '../../transport';
import {
	checkNoteDates,
	authorEmail,
	callDuration,
	createdAt,
	noteUuid,
	text,
	updatedAt,
} from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update note or call log',
	description: 'Change some fields of a note or call log; the others are kept',
	routing: {
		// PATCH takes author_email, text, call_duration, created_at, updated_at (https://dev.chartmogul.com/reference/update-a-customer-note).
		request: { method: 'PATCH', url: '/customer_notes/{noteUuid}' },
		operations: {
			pagination: chartMogul.sendChecked(
				checkEmail('updateFields.authorEmail', true, 'author_email'),
				...checkNoteDates,
			),
		},
	},
	fields: [
		...noteUuid,
		fieldCollection('updateFields', [authorEmail, callDuration, createdAt, text, updatedAt]),
	],
};
