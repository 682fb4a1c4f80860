import { sendBody } from '../../../shared/description';
import type { INodeProperties } from 'n8n-workflow';

export const noteUuid: INodeProperties = {
	displayName: 'Note UUID',
	name: 'noteUuid',
	type: 'string',
	required: true,
	default: '',
	description: 'The ChartMogul UUID of the note or call log (the "uuid" from Get Many or Create)',
};

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
	placeholder: 'name@email.com',
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
	routing: sendBody('created_at'),
};

export const updatedAt: INodeProperties = {
	displayName: 'Updated At',
	name: 'updatedAt',
	type: 'dateTime',
	default: '',
	description: 'When the note was last changed',
	routing: sendBody('updated_at'),
};
