import type { INodeProperties } from 'n8n-workflow';

import { sendBody } from '../../../shared/description';

export const relationTypeId: INodeProperties = {
	displayName: 'Relation Type ID',
	name: 'relationTypeId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1',
	description: 'The numeric ID of the relation type',
};

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
