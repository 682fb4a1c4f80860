import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Complete } from '../../../shared/transport';

/**
 * Quentn takes a term's name in place of its id for GET only ("Terms API": `GET terms/<term_id or name>`, but
 * `PUT terms/<term_id>` and `DELETE terms/<term_id>`): a name is looked up first (one `GET /terms/{name}`) and the
 * request goes to the term's id. An ID (digits) is sent as it is.
 */
export const termById: Complete = async (ctx, request, lookup) => {
	const term = String(ctx.getNodeParameter('termId', '', { extractValue: true })).trim();
	if (/^\d+$/.test(term)) return request;
	const answer = await lookup(`/terms/${encodeURIComponent(term)}`);
	const found = (Array.isArray(answer) ? answer[0] : answer) as IDataObject | undefined;
	const id = String(found?.id ?? '');
	if (!/^\d+$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), `Quentn has no term named "${term}"`, {
			itemIndex: ctx.getItemIndex(),
			description:
				'Nothing was changed. Pick the term from the list, or give its ID or its exact name.',
		});
	}
	return { ...request, url: `/terms/${id}` };
};
