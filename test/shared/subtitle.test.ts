/** Canvas subtitles in words: the node's subtitle expression as n8n's editor evaluates it. */
import type { INode, INodeType, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ChartMogul } from '../../nodes/ChartMogul/ChartMogul.node';
import { Jtel } from '../../nodes/Jtel/Jtel.node';
import { TicketSource } from '../../nodes/TicketSource/TicketSource.node';

function subtitle(nodeType: INodeType, parameters: INode['parameters']): unknown {
	const node: INode = {
		id: '1',
		name: 'Node',
		type: 'x',
		typeVersion: 2,
		position: [0, 0],
		parameters,
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		nodeType.description.subtitle!,
		'internal',
		{},
	);
}

describe('subtitle', () => {
	test.each([
		[new TicketSource(), { resource: 'customer', operation: 'getAll' }, 'Get Many: Customer'],
		[
			new TicketSource(),
			{ resource: 'customerNote', operation: 'delete' },
			'Delete: Customer Note',
		],
		[
			new ChartMogul(),
			{ resource: 'customerNote', operation: 'create' },
			'Create: Customer Note or Call Log',
		],
		[
			new Jtel(),
			{ resource: 'diallerContact', operation: 'getByUserData' },
			'Get by User Data: Dialler Contact',
		],
	])('%#: the operation and resource names, not their values', (nodeType, parameters, expected) => {
		expect(subtitle(nodeType, parameters)).toBe(expected);
	});
});
