import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import { fieldCollection } from '../../../shared/description';
import { unwrap } from '../../../shared/output';
import { checkEmail } from '../../../shared/validators';
import { quentn } from '../../transport';
import { email, fieldsOption } from './fields';

/** postReceive: no match is no item, unless the user asked for an error. */
async function errorIfNone(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (items.length === 0 && this.getNodeParameter('options.errorIfNotFound', false)) {
		throw new NodeOperationError(
			this.getNode(),
			`No Quentn contact has the email address "${String(this.getNodeParameter('email', ''))}"`,
			{
				itemIndex: this.getItemIndex(),
				description: 'Turn off "Error If Not Found" to get no item instead.',
			},
		);
	}
	return items;
}

export const getByEmail: Operation = {
	name: 'Get by Email',
	value: 'getByEmail',
	action: 'Get contacts by email',
	description: 'Retrieve every contact with an email address (several contacts can share one)',
	routing: {
		// Quentn answers an email in place of the id with an array of all contacts that have it, and HTTP 404
		// when none has it (quentn-php ContactClient::findContactByMail turns that 404 into an empty result).
		request: { method: 'GET', url: '/contact/{email}' },
		operations: { pagination: quentn.lookup(checkEmail('email')) },
		output: { postReceive: [unwrap(''), errorIfNone] },
	},
	fields: [
		{ ...email, required: true, description: 'The email address to look up' },
		fieldCollection('options', [
			{
				displayName: 'Error If Not Found',
				name: 'errorIfNotFound',
				type: 'boolean',
				default: false,
				description:
					'Whether to fail the item when no contact has this address (otherwise it yields no item)',
			},
			fieldsOption,
		]),
	],
};
