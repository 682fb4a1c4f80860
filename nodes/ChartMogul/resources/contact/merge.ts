import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import type { Check } from '../../../shared/validators';
import { chartMogul } from '../../transport';
import { contactLocator } from './fields';

const intoContactUuid = contactLocator(
	'intoContactUuid',
	'Into Contact',
	'The contact that is kept; it receives the fields and custom attributes it lacks from the other one',
);

const fromContactUuid = contactLocator(
	'fromContactUuid',
	'From Contact',
	'The contact that is merged into the other one and then deleted',
);

/** Merging a contact into itself would delete nothing useful and ChartMogul refuses it: say so before sending. */
const differentContacts: Check = (ctx) => {
	const into = String(ctx.getNodeParameter('intoContactUuid', '', { extractValue: true })).trim();
	const from = String(ctx.getNodeParameter('fromContactUuid', '', { extractValue: true })).trim();
	if (into !== '' && into === from) {
		// The fields' names as the user sees them: "Into Contact UUID" in version 1, "Into Contact" from version 2.
		const uuid = ctx.getNode().typeVersion >= 2 ? '' : ' UUID';
		throw new NodeOperationError(
			ctx.getNode(),
			`"Into Contact${uuid}" and "From Contact${uuid}" are the same contact`,
			{
				itemIndex: ctx.getItemIndex(),
				description: 'Choose two different contacts: the one to keep and the one to merge into it.',
			},
		);
	}
};

export const merge: Operation = {
	name: 'Merge',
	value: 'merge',
	action: 'Merge two contacts',
	description: 'Merge one contact into another; the merged contact is deleted',
	routing: {
		// POST /contacts/{into_uuid}/merge/{from_uuid}, no body; returns the merged contact (https://dev.chartmogul.com/reference/merge-contacts).
		request: { method: 'POST', url: '/contacts/{intoContactUuid}/merge/{fromContactUuid}' },
		operations: { pagination: chartMogul.sendChecked(differentContacts) },
	},
	fields: [...intoContactUuid, ...fromContactUuid],
};
