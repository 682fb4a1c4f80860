import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Check } from '../../../shared/validators';

/** Check: a new field has a label (Quentn names the field after it). */
export const checkLabel: Check = (ctx) => {
	if (String(ctx.getNodeParameter('label', '') ?? '').trim() === '') {
		throw new NodeOperationError(ctx.getNode(), 'Not sent: "Label" is empty', {
			itemIndex: ctx.getItemIndex(),
			description: 'Quentn names a new custom field after its label: enter one, or map it.',
		});
	}
};

/** Check: an update changes something. */
export const checkSomethingToUpdate: Check = (ctx) => {
	const fields = ctx.getNodeParameter('updateFields', {}) as IDataObject;
	if (Object.keys(fields ?? {}).length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Not sent: no field to update', {
			itemIndex: ctx.getItemIndex(),
			description: 'Add the label, description or "Required" under "Update Fields".',
		});
	}
};
