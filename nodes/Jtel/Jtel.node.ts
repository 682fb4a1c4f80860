import type { INodeType, INodeTypeDescription, INodeProperties } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { NODE_VERSIONS, subtitleInWords } from '../shared/description';
import { oneDefinitionPerName } from '../shared/definitions';
import { methods } from './methods';
import { diallerCampaignProperties } from './resources/diallerCampaign';
import { diallerContactProperties } from './resources/diallerContact';
import { jtel } from './transport';

// One definition per parameter name where the operations share it: n8n resolves a mapped field once per definition.
const properties: INodeProperties[] = oneDefinitionPerName([
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Dialler Campaign', value: 'diallerCampaign' },
			{ name: 'Dialler Contact', value: 'diallerContact' },
		],
		default: 'diallerContact',
	},
	...diallerContactProperties,
	...diallerCampaignProperties,
]);

export class Jtel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'jtel Dialler',
		name: 'jtel',
		icon: { light: 'file:../../icons/jtel.svg', dark: 'file:../../icons/jtel.dark.svg' },
		group: ['transform'],
		...NODE_VERSIONS,
		subtitle: subtitleInWords(properties),
		description: 'Import, find and delete jtel dialler contacts and read dialler campaigns',
		defaults: { name: 'jtel Dialler' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jtelApi', required: true }],
		// The base URL (`{server}/rest/v1.0/{ClientsID}`) is set by the credential from validated values.
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		// Every request goes through the shared transport (retries, concurrency, errors): see nodes/shared.
		requestOperations: { pagination: jtel.send },
		properties,
	};

	methods = methods;
}
