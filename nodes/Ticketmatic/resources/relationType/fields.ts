import type { INodeProperties } from 'n8n-workflow';

import { changedInVersion2, sendBody } from '../../../shared/description';
import { recordLocator } from '../../../shared/locator';

/** A relation type: its numeric ID typed in version 1, a locator (the account's relation types) from version 2. */
export const relationTypeId: INodeProperties[] = changedInVersion2(
	{
		displayName: 'Relation Type ID',
		name: 'relationTypeId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1',
		description: 'The numeric ID of the relation type',
	},
	recordLocator({
		displayName: 'Relation Type',
		name: 'relationTypeId',
		description: 'The relation type, picked by name, or its numeric ID',
		searchListMethod: 'searchRelationTypes',
		id: {
			placeholder: 'e.g. 1',
			regex: '^\\s*[0-9]+\\s*$',
			error: 'A relation type ID is a number',
		},
	}),
);

/** A relation type is `{ id, name, parentid, isarchived, … }`; only `name` and `parentid` are written (tm-go ticketmatic/types.go `RelationType`). */
export const relationTypeValues = {
	name: {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Press',
		description: 'The name of the relation type, as contacts show it',
		routing: sendBody('name'),
	},
	parentId: {
		displayName: 'Parent Relation Type Name or ID',
		name: 'parentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRelationTypes' },
		default: '',
		description:
			'The relation type this one sits under. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		// An id typed or mapped as text is still sent as the integer Ticketmatic expects; 0 = no parent.
		routing: { send: { type: 'body', property: 'parentid', value: '={{ Number($value) || 0 }}' } },
	},
} satisfies Record<string, INodeProperties>;
