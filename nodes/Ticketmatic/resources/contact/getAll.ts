import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import {
	changedInVersion2,
	fieldCollection,
	fromVersion2,
	returnAllAndLimit,
	sendQuery,
} from '../../../shared/description';
import { simplify, simplifyParameter } from '../../../shared/output';
import { contactList } from '../../transport';
import { listFilters, SIMPLE_CONTACT } from './fields';

/** The list's sort order: Ticketmatic's `orderby` (name, lastupdatets or createdts; tm-go ticketmatic/types.go ContactQuery). */
const orderBy: INodeProperties = {
	displayName: 'Order By',
	name: 'orderBy',
	type: 'options',
	options: [
		{ name: 'Created', value: 'createdts' },
		{ name: 'Last Updated', value: 'lastupdatets' },
		{ name: 'Name', value: 'name' },
	],
	default: 'name',
	description: 'The order in which Ticketmatic returns the contacts',
	routing: sendQuery('orderby'),
};

const filters: INodeProperties[] = [
	listFilters.includeArchived,
	listFilters.lastUpdateSince,
	{
		displayName: 'Search Term',
		name: 'searchTerm',
		type: 'string',
		default: '',
		description: 'Text to look for in the contacts',
		routing: sendQuery('searchterm'),
	},
	listFilters.filter,
];

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many contacts',
	description: 'Retrieve many contacts',
	routing: {
		request: { method: 'GET', url: '/contacts' },
		operations: { pagination: contactList },
		output: { postReceive: [simplify(SIMPLE_CONTACT)] },
	},
	fields: [
		...returnAllAndLimit(),
		// Version 1 had Order By among the filters; it sorts, so from version 2 it is an option.
		...changedInVersion2(
			fieldCollection('filters', [...filters, orderBy]),
			fieldCollection('filters', filters),
		),
		...fromVersion2([fieldCollection('options', [orderBy]), simplifyParameter(SIMPLE_CONTACT)]),
	],
};
