import type { INodeProperties } from 'n8n-workflow';

import { checkUtc, sendUtc, UTC_HINT } from '../../../shared/dates';
import { changedInVersion2, sendBody } from '../../../shared/description';
import { recordLocator } from '../../../shared/locator';

/** A note or call log: its UUID typed in version 1, a locator (by text) from version 2. */
export const noteUuid: INodeProperties[] = changedInVersion2(
	{
		displayName: 'Note UUID',
		name: 'noteUuid',
		type: 'string',
		required: true,
		default: '',
		description: 'The ChartMogul UUID of the note or call log (the "uuid" from Get Many or Create)',
	},
	recordLocator({
		displayName: 'Note or Call Log',
		name: 'noteUuid',
		description: 'The note or call log, picked by its text, or its UUID',
		searchListMethod: 'searchCustomerNotes',
		id: {
			displayName: 'By UUID',
			placeholder: 'e.g. note_…',
			regex: '^\\s*\\S+\\s*$',
			error: 'A note UUID has no spaces',
		},
	}),
);

export const noteTypes = [
	{ name: 'Call Log', value: 'call' },
	{ name: 'Note', value: 'note' },
];

export const text: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'The content of the note or call log',
	routing: sendBody('text'),
};

/** Fields shared by create (Additional Fields) and update (Update Fields). */
export const authorEmail: INodeProperties = {
	displayName: 'Author Email',
	name: 'authorEmail',
	type: 'string',
	default: '',
	placeholder: 'e.g. name@email.com',
	description: 'Email of the ChartMogul user shown as the author',
	routing: sendBody('author_email'),
};

export const callDuration: INodeProperties = {
	displayName: 'Call Duration',
	name: 'callDuration',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: 0,
	description: 'Length of the call in seconds (for call logs)',
	routing: sendBody('call_duration'),
};

export const createdAt: INodeProperties = {
	displayName: 'Created At',
	name: 'createdAt',
	type: 'dateTime',
	default: '',
	description: 'When the note was written or the call took place (defaults to now)',
	hint: UTC_HINT,
	// ChartMogul takes ISO 8601 (https://dev.chartmogul.com/reference/create-a-customer-note); sent in UTC, exactly.
	routing: sendUtc('body', 'created_at', 'iso'),
};

export const updatedAt: INodeProperties = {
	displayName: 'Updated At',
	name: 'updatedAt',
	type: 'dateTime',
	default: '',
	description: 'When the note was last changed',
	hint: UTC_HINT,
	routing: sendUtc('body', 'updated_at', 'iso'),
};

/** Checks: the dates routed by `createdAt` / `updatedAt` are dates. */
export const checkNoteDates = [
	checkUtc('body', 'created_at', 'iso', 'Created At'),
	checkUtc('body', 'updated_at', 'iso', 'Updated At'),
];
