import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Check } from '../../../shared/validators';
import type { AttributeChange, AttributeType } from './fields';
import { ATTRIBUTE_TYPES } from './fields';

interface Row {
	type?: unknown;
	key?: unknown;
	value?: unknown;
	source?: unknown;
}

/** A row's value as its type, or why it is not one. */
function typedValue(type: AttributeType, raw: unknown): { value: unknown } | { problem: string } {
	const given = typeof raw === 'string' ? raw.trim() : raw;
	const number = typeof given === 'number' ? given : given === '' ? NaN : Number(given);
	switch (type) {
		case 'Integer':
			return Number.isInteger(number) ? { value: number } : { problem: 'a whole number' };
		case 'Decimal':
			return Number.isFinite(number) ? { value: number } : { problem: 'a number' };
		case 'Boolean': {
			// Sent as a JSON boolean; true/t/1 and false/f/0 as chartmogul/chartmogul-mcp-server describes Boolean values.
			const word = String(given).toLowerCase();
			if (given === true || ['true', 't', '1'].includes(word)) return { value: true };
			if (given === false || ['false', 'f', '0'].includes(word)) return { value: false };
			return { problem: 'true or false' };
		}
		case 'Timestamp': {
			const iso = (given as { toISO?: () => string } | null)?.toISO?.() ?? given;
			return typeof iso === 'string' && iso !== '' && !Number.isNaN(Date.parse(iso))
				? { value: iso }
				: { problem: 'a date (ISO 8601, e.g. 2026-01-10T09:30:00Z)' };
		}
		default: {
			// A String is at most 255 characters (help.chartmogul.com/hc/en-us/articles/206120219 "Custom attributes").
			const value = typeof given === 'object' && given !== null ? undefined : String(given ?? '');
			return value !== undefined && value.length <= 255
				? { value }
				: { problem: 'text of at most 255 characters' };
		}
	}
}

const shown = (value: unknown) => JSON.stringify(value ?? '').slice(0, 60);

/**
 * The item's `custom` body for the change, or the first problem with its rows:
 * add `[{ type, key, value, source? }]`, update `{ key: value or { value, source } }`, remove `[key, …]`
 * (chartmogul-node test/chartmogul/custom-attribute.js; chartmogul-ruby lib/chartmogul/customer.rb).
 */
function customBody(
	rows: Row[],
	change: AttributeChange,
): { custom: unknown } | { problem: string; fix: string } {
	if (rows.length === 0)
		return {
			problem: '"Custom Attributes" is empty',
			fix: 'Add at least one custom attribute row.',
		};
	const keys: string[] = [];
	const sent: Array<{ key: string; type: AttributeType; value: unknown; source?: string }> = [];
	for (const [index, row] of rows.entries()) {
		const at = `Custom attribute ${index + 1}`;
		const key = typeof row.key === 'string' ? row.key.trim() : '';
		if (key === '')
			return { problem: `${at} has no "Key"`, fix: 'Enter the name of the custom attribute.' };
		keys.push(key);
		if (change === 'remove') continue;
		const type = ATTRIBUTE_TYPES.find((t) => t === row.type);
		if (!type)
			return {
				problem: `${at} ("${key}") has no valid "Type"`,
				fix: `Got ${shown(row.type)}. Pick one of ${ATTRIBUTE_TYPES.join(', ')}.`,
			};
		const typed = typedValue(type, row.value);
		if ('problem' in typed)
			return {
				problem: `${at} ("${key}") is ${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}, but its "Value" is not ${typed.problem}`,
				fix: `Got ${shown(row.value)}. Enter a value of the type, or change the type.`,
			};
		const source = typeof row.source === 'string' ? row.source.trim() : '';
		sent.push({ type, key, value: typed.value, ...(source ? { source } : {}) });
	}
	if (change === 'remove') return { custom: keys };
	if (change === 'add') return { custom: sent };
	return {
		custom: Object.fromEntries(
			sent.map(({ key, value, source }) => [key, source ? { value, source } : value]),
		),
	};
}

function rowsOf(ctx: IExecuteSingleFunctions): Row[] {
	const value = ctx.getNodeParameter('customAttributes', {}) as { attribute?: Row[] };
	return Array.isArray(value?.attribute) ? value.attribute : [];
}

/** preSend: the `custom` body of the change; rows with a problem are left for `checkAttributes` to refuse. */
export function customAttributesBody(change: AttributeChange) {
	return async function (
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const built = customBody(rowsOf(this), change);
		const body: IDataObject = 'custom' in built ? { custom: built.custom as IDataObject } : {};
		return { ...options, body };
	};
}

/** Check: every row has a key (and for Add and Update a type and a value of that type). */
export function checkAttributes(change: AttributeChange): Check {
	return (ctx) => {
		const built = customBody(rowsOf(ctx), change);
		if ('problem' in built)
			throw new NodeOperationError(ctx.getNode(), built.problem, {
				itemIndex: ctx.getItemIndex(),
				description: built.fix,
			});
	};
}
