import type { INodeProperties } from 'n8n-workflow';
import { sendBody } from '../../../shared/description';

export { contactId } from '../contact/fields';

export const remarkId: INodeProperties = {
	displayName: 'Remark ID',
	name: 'remarkId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 501',
	description: 'The numeric ID of the remark',
};

/** A remark is `{ id, content, pinned }` (tm-go ticketmatic/types.go ContactRemark). */
export const remarkValues = {
	content: {
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The text of the remark',
		routing: sendBody('content'),
	},
	pinned: {
		displayName: 'Pinned',
		name: 'pinned',
		type: 'boolean',
		default: false,
		description: 'Whether the remark is pinned, so it shows at the top of the contact',
		routing: sendBody('pinned'),
	},
} satisfies Record<string, INodeProperties>;
