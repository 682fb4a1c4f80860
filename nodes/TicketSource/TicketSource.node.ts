import type { INodeType, INodeTypeDescription, INodeProperties } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { NODE_VERSIONS, subtitleInWords } from '../shared/description';
import { oneDefinitionPerName } from '../shared/definitions';
import { methods } from './methods';
import { customerProperties } from './resources/customer';
import { customerNoteProperties } from './resources/customerNote';
import { ticketSource } from './transport';

// One definition per parameter name where the operations share it: n8n resolves a mapped field once per definition.
const properties: INodeProperties[] = oneDefinitionPerName([
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Customer', value: 'customer' },
			{ name: 'Customer Note', value: 'customerNote' },
		],
		default: 'customer',
	},
	...customerProperties,
	...customerNoteProperties,
]);

export class TicketSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TicketSource',
		name: 'ticketSource',
		icon: {
			light: 'file:../../icons/ticketsource.svg',
			dark: 'file:../../icons/ticketsource.dark.svg',
		},
		group: ['transform'],
		...NODE_VERSIONS,
		subtitle: subtitleInWords(properties),
		description: 'Create, read, update and delete TicketSource customers and their notes',
		defaults: { name: 'TicketSource' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ticketSourceApi', required: true }],
		requestDefaults: {
			// The base URL comes from the credential's `authenticate` (nodes/shared/authorization.ts withBaseUrl).
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		// Every request goes through the shared transport (retries, concurrency, errors): see nodes/shared.
		requestOperations: { pagination: ticketSource.send },
		properties,
	};

	methods = methods;
}
