import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeProperties,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { NODE_VERSIONS, subtitleInWords } from '../shared/description';
import { oneDefinitionPerName } from '../shared/definitions';
import { campaignProperties } from './resources/campaign';
import { commentProperties } from './resources/comment';
import { contactCustomOperations, contactProperties } from './resources/contact';
import { contactTermProperties } from './resources/contactTerm';
import { customFieldProperties } from './resources/customField';
import { termProperties } from './resources/term';
import { methods } from './methods';
import { quentn } from './transport';

// One definition per parameter name where the operations share it: n8n resolves a mapped field once per definition.
const properties: INodeProperties[] = oneDefinitionPerName([
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Campaign', value: 'campaign', description: 'Start a campaign for a contact' },
			{ name: 'Comment', value: 'comment', description: 'Comments on a contact' },
			{ name: 'Contact', value: 'contact' },
			{
				name: 'Contact Term',
				value: 'contactTerm',
				description: 'The terms (tags) of one contact',
			},
			{
				name: 'Custom Field',
				value: 'customField',
				description: "The account's custom contact fields",
			},
			{ name: 'Term', value: 'term', description: 'The terms (tags) of the account' },
		],
		default: 'contact',
	},
	...contactProperties,
	...contactTermProperties,
	...termProperties,
	...commentProperties,
	...campaignProperties,
	...customFieldProperties,
]);

export class Quentn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Quentn',
		name: 'quentn',
		icon: { light: 'file:../../icons/quentn.svg', dark: 'file:../../icons/quentn.dark.svg' },
		group: ['transform'],
		...NODE_VERSIONS,
		subtitle: subtitleInWords(properties),
		description: 'Create, find, update and delete Quentn contacts, their terms (tags) and comments',
		defaults: { name: 'Quentn' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'quentnApi', required: true }],
		requestDefaults: {
			// The base URL comes from the credential's `authenticate` (nodes/shared/authorization.ts withBaseUrl).
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		// Every request goes through the shared transport (retries, concurrency, errors): see nodes/shared.
		requestOperations: { pagination: quentn.send },
		properties,
	};

	customOperations: Record<
		string,
		Record<string, (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>>
	> = {
		contact: contactCustomOperations,
	};

	methods = methods;
}
