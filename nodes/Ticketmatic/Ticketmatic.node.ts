import type { INodeType, INodeTypeDescription, INodeProperties } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { NODE_VERSIONS, subtitleInWords } from '../shared/description';
import { oneDefinitionPerName } from '../shared/definitions';
import { methods } from './methods';
import { contactCustomOperations, contactProperties } from './resources/contact';
import { relationTypeProperties } from './resources/relationType';
import { remarkProperties } from './resources/remark';
import { ticketmatic } from './transport';

// One definition per parameter name where the operations share it: n8n resolves a mapped field once per definition.
const properties: INodeProperties[] = oneDefinitionPerName([
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Contact', value: 'contact' },
			{ name: 'Relation Type', value: 'relationType' },
			{ name: 'Remark', value: 'remark' },
		],
		default: 'contact',
	},
	...contactProperties,
	...remarkProperties,
	...relationTypeProperties,
]);

export class Ticketmatic implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ticketmatic',
		name: 'ticketmatic',
		icon: {
			light: 'file:../../icons/ticketmatic.svg',
			dark: 'file:../../icons/ticketmatic.dark.svg',
		},
		group: ['transform'],
		...NODE_VERSIONS,
		subtitle: subtitleInWords(properties),
		description:
			'Create, read, update, archive and import Ticketmatic contacts, their remarks and relation types',
		defaults: { name: 'Ticketmatic' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ticketmaticApi', required: true }],
		requestDefaults: {
			// The base URL comes from the credential's `authenticate` (nodes/shared/authorization.ts withBaseUrl).
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		// Every request goes through the shared transport (retries, concurrency, errors): see nodes/shared.
		requestOperations: { pagination: ticketmatic.send },
		properties,
	};

	methods = methods;

	customOperations = { contact: contactCustomOperations };
}
