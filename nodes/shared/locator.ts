import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pickerOptions } from './pickers';

/** How a record is named in a resource locator: By ID always; From List and By URL where the vendor allows. */
interface LocatorSpec {
	displayName: string;
	name: string;
	description?: string;
	hint?: string;
	/** The node's `methods.listSearch` function for the From List mode (omit when the records cannot be listed). */
	searchListMethod?: string;
	/**
	 * By URL: an example, and a regex whose one group is the ID. The editor checks a typed URL against it anchored
	 * (n8n-workflow validateResourceLocatorParameter: `^regex$`); the node takes the ID out with it (extractValue).
	 */
	url?: { placeholder: string; regex: string; error: string };
	/** By ID: an example and the form an ID has. */
	id: { placeholder: string; regex: string; error: string; displayName?: string };
}

/**
 * A `resourceLocator` parameter. Whatever the mode, the node reads the ID with `extractValue: true` (n8n-core's
 * `extractValue`: list and ID values as they are, a URL through the mode's regex), so routing and the shared
 * URL-placeholder resolver need no mode logic.
 */
export function recordLocator(spec: LocatorSpec): INodeProperties {
	const { url, id } = spec;
	const modes: INodePropertyMode[] = [
		...(spec.searchListMethod
			? [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list' as const,
						placeholder: `Select a ${spec.displayName.toLowerCase()}…`,
						typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
					},
				]
			: []),
		...(url
			? [
					{
						displayName: 'By URL',
						name: 'url',
						type: 'string' as const,
						placeholder: url.placeholder,
						validation: [
							{ type: 'regex' as const, properties: { regex: url.regex, errorMessage: url.error } },
						],
						extractValue: { type: 'regex' as const, regex: url.regex },
					},
				]
			: []),
		{
			displayName: id.displayName ?? 'By ID',
			name: 'id',
			type: 'string' as const,
			placeholder: id.placeholder,
			validation: [{ type: 'regex', properties: { regex: id.regex, errorMessage: id.error } }],
		},
	];
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: modes[0].name, value: '' },
		modes,
		...(spec.description ? { description: spec.description } : {}),
		...(spec.hint ? { hint: spec.hint } : {}),
	};
}

/**
 * A From List answer from one page of records: filtered by the typed text and sorted by the shared picker helper;
 * `paginationToken` asks the editor for the next page (lists the vendor pages).
 */
export function listSearchResult(
	entries: INodeListSearchItems[],
	filter?: string,
	paginationToken?: string,
): INodeListSearchResult {
	const results = pickerOptions(
		entries as unknown as IDataObject[],
		{ nameField: 'name', valueField: 'value' },
		filter,
	).map(({ name, value }) => ({ name, value: String(value) }));
	return paginationToken ? { results, paginationToken } : { results };
}

/**
 * The ID of the record a list depends on (the customer whose notes are listed), read from the node's current
 * parameters in any locator mode; refused with a hint when it is not chosen yet or is an expression.
 */
export function parentId(ctx: ILoadOptionsFunctions, name: string, label: string): string {
	const value = ctx.getCurrentNodeParameter(name, { extractValue: true });
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (text === '' || text.startsWith('=')) {
		throw new NodeOperationError(ctx.getNode(), `Choose the ${label} first`, {
			description: `The list shows the records of one ${label}: pick it above (an expression is only known when the node runs).`,
		});
	}
	return text;
}

/** A list entry's name from free text: the first line, at most 80 characters. */
export function shortText(value: unknown, fallback: string): string {
	const line = typeof value === 'string' ? value.trim().split('\n')[0] : '';
	if (line === '') return fallback;
	return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
