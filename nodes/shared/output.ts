import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';

import { valueAt } from './paginators';

/** postReceive: the records inside an envelope (`data`, `records`, …), one item each. */
export function unwrap(path: string): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		return items.flatMap((item) => {
			const value = valueAt(item.json, path);
			if (Array.isArray(value)) return (value as IDataObject[]).map((json) => ({ json }));
			return value && typeof value === 'object' ? [{ json: value as IDataObject }] : [];
		});
	};
}

/** postReceive: a JSON:API record `{ id, type, attributes, links }` as a flat `{ id, ...attributes }`. */
export async function flattenJsonApi(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		const { id, attributes } = item.json as { id?: unknown; attributes?: IDataObject };
		return { json: { id, ...(attributes ?? {}) } as IDataObject };
	});
}

/** postReceive: a delete's output, `{ deleted: true }`, whatever the vendor answered (204, `{}`, …). */
export async function deleted(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	return [{ json: { deleted: true } }];
}
