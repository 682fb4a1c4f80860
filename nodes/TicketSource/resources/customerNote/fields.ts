import type { INodeProperties } from 'n8n-workflow';

import { changedInVersion2 } from '../../../shared/description';
import { recordLocator } from '../../../shared/locator';

export { customerId } from '../customer/fields';

/** A note of the chosen customer (ids look like `csn-…`): typed in version 1, a locator from version 2. */
export const noteId: INodeProperties[] = changedInVersion2(
	{
		displayName: 'Note ID',
		name: 'noteId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. csn-xxxxxxxxxx',
		description: 'The ID of the customer note, starting with "csn-"',
	},
	recordLocator({
		displayName: 'Note',
		name: 'noteId',
		description: 'A note of the customer above, or its ID',
		searchListMethod: 'searchCustomerNotes',
		id: {
			placeholder: 'e.g. csn-xxxxxxxxxx',
			regex: '^\\s*csn-[^/?#%\\\\\\s]+\\s*$',
			error: 'A note ID starts with "csn-"',
		},
	}),
);
