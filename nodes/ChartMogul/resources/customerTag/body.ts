import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Check } from '../../../shared/validators';

/** The tags of the item: a list (expression) or comma-separated text, trimmed, each once. */
export function tagList(value: unknown): string[] {
	const raw = Array.isArray(value) ? value : String(value ?? '').split(',');
	return [...new Set(raw.map((tag) => String(tag ?? '').trim()).filter((tag) => tag !== ''))];
}

/** Check: at least one tag (an empty list would be a request that changes nothing). */
export const checkTags: Check = (ctx) => {
	if (tagList(ctx.getNodeParameter('tags', '')).length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			'"Tags" is empty, so nothing was sent for this item',
			{
				itemIndex: ctx.getItemIndex(),
				description: 'Enter at least one tag, e.g. "important, Prio1".',
			},
		);
	}
};

/**
 * preSend: `tags: [...]` in the body of every tag call, beside what the fields routed there (Add by Email's `email`)
 * (chartmogul-node test/chartmogul/enrichment/tag.js).
 */
export async function tagsBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const routed = (options.body as IDataObject | undefined) ?? {};
	return { ...options, body: { ...routed, tags: tagList(this.getNodeParameter('tags', '')) } };
}
