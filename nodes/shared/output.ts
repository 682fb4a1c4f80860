import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

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

/**
 * postReceive: a JSON:API record `{ id, type, attributes, links }` as a flat `{ id, ...attributes }`, in place (the
 * items of a list are made with their pairing; a new item would lose it).
 */
export async function flattenJsonApi(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	for (const item of items) {
		const { id, attributes } = item.json as { id?: unknown; attributes?: IDataObject };
		item.json = { id, ...(attributes ?? {}) } as IDataObject;
	}
	return items;
}

/** postReceive: a delete's output, `{ deleted: true }`, whatever the vendor answered (204, `{}`, …). */
export async function deleted(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	return [{ json: { deleted: true } }];
}

/**
 * Simplify, as n8n's guideline asks for records with more than about ten fields: on by default, the kept fields
 * named in the description. Shown from node version 2 on (version-1 workflows have no such parameter).
 */
export function simplifyParameter(fields: readonly string[]): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return only ${fields.join(', ')} instead of the full record`,
	};
}

/** postReceive: with Simplify on (version 2 and later), each record cut down to `fields`, in that order. */
export function simplify(fields: readonly string[]): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		const on =
			this.getNode().typeVersion >= 2 && (this.getNodeParameter('simplify', true) as boolean);
		if (!on) return items;
		// In place: the items are the request's own, and a Return All may hold 100,000 of them; each full record is
		// garbage as soon as it is cut, so the peak holds one full record, not a full and a simplified copy of all.
		for (const item of items) {
			const json: IDataObject = {};
			for (const field of fields) if (field in item.json) json[field] = item.json[field];
			item.json = json;
		}
		return items;
	};
}

/**
 * The "Error If Not Found" option of every Get by Email (in its `options` collection): without it, no record found is
 * no item, the same in every node.
 */
export const errorIfNotFound: INodeProperties = {
	displayName: 'Error If Not Found',
	name: 'errorIfNotFound',
	type: 'boolean',
	default: false,
	description:
		'Whether to fail the item when no record has this email address (otherwise it yields no item)',
};

/**
 * postReceive of a Get by Email: no record is no item, unless "Error If Not Found" is on; then the item fails
 * saying that no `record` (e.g. "Quentn contact") has the address in the `email` parameter.
 */
export function errorIfNone(record: string): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		if (items.length > 0 || !this.getNodeParameter('options.errorIfNotFound', false)) return items;
		throw new NodeOperationError(
			this.getNode(),
			`No ${record} has the email address "${String(this.getNodeParameter('email', '')).trim()}"`,
			{
				itemIndex: this.getItemIndex(),
				description: 'Turn off "Error If Not Found" (in Options) to get no item instead.',
			},
		);
	};
}
