import type { INodeType, INodeTypeDescription, INodeProperties } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { NODE_VERSIONS, subtitleInWords } from '../shared/description';
import { oneDefinitionPerName } from '../shared/definitions';
import { methods } from './methods';
import { contactProperties } from './resources/contact';
import { customerProperties } from './resources/customer';
import { customerAttributeProperties } from './resources/customerAttribute';
import { customerNoteProperties } from './resources/customerNote';
import { customerTagProperties } from './resources/customerTag';
import { chartMogul } from './transport';

// One definition per parameter name where the operations share it: n8n resolves a mapped field once per definition.
const properties: INodeProperties[] = oneDefinitionPerName([
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Contact', value: 'contact' },
			{ name: 'Customer', value: 'customer' },
			{
				name: 'Customer Attribute',
				value: 'customerAttribute',
				description: 'The tags and custom attributes of one customer',
			},
			{ name: 'Customer Note or Call Log', value: 'customerNote' },
			{ name: 'Customer Tag', value: 'customerTag', description: 'The tags of one customer' },
		],
		default: 'contact',
	},
	...contactProperties,
	...customerProperties,
	...customerAttributeProperties,
	...customerNoteProperties,
	...customerTagProperties,
]);

export class ChartMogul implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ChartMogul',
		name: 'chartMogul',
		icon: {
			light: 'file:../../icons/chartmogul.svg',
			dark: 'file:../../icons/chartmogul.dark.svg',
		},
		group: ['transform'],
		...NODE_VERSIONS,
		subtitle: subtitleInWords(properties),
		description:
			"Create, read, update, merge and delete ChartMogul contacts, customer notes and call logs, and customers' tags and custom attributes",
		defaults: { name: 'ChartMogul' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chartMogulApi', required: true }],
		requestDefaults: {
			// The base URL comes from the credential's `authenticate` (nodes/shared/authorization.ts withBaseUrl).
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		// Every request goes through the shared transport (retries, concurrency, pacing, errors): see nodes/shared.
		requestOperations: { pagination: chartMogul.send },
		properties,
	};

	methods = methods;
}
