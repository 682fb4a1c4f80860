import type {
	IDisplayOptions,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
} from 'n8n-workflow';

import type { BulkOperation } from './bulk';

/** One operation, as its own file describes it: the option in the Operation list, its routing, its fields. */
export interface Operation {
	value: string;
	name: string;
	action: string;
	description: string;
	/** What is sent and how the answer is shaped. */
	routing?: INodePropertyRouting;
	/** A bulk endpoint (`bulkOperation`): a custom operation for all items, and the routing for one. */
	bulk?: BulkOperation;
	/** Parameters shown for this operation only (resource/operation display options are added here). */
	fields?: INodeProperties[];
}

function showFor(resource: string, operation: string, own?: IDisplayOptions): IDisplayOptions {
	return {
		...own,
		show: { ...(own?.show ?? {}), resource: [resource], operation: [operation] },
	};
}

/**
 * A resource's `operation` parameter and every operation's fields. Every routed operation sets
 * `send.paginate`, which makes n8n hand the request to the node's `requestOperations.pagination`: the
 * shared transport, so no request bypasses the executor (retries, concurrency, errors).
 */
export function resourceProperties(
	resource: string,
	operations: Operation[],
	defaultOperation: string,
): INodeProperties[] {
	const options: INodePropertyOptions[] = [...operations]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((op) => {
			const routing = op.routing ?? op.bulk?.routing;
			return {
				name: op.name,
				value: op.value,
				action: op.action,
				description: op.description,
				...(routing
					? { routing: { ...routing, send: { ...(routing.send ?? {}), paginate: true } } }
					: {}),
			};
		});
	const operationProperty: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
	const fields = operations.flatMap((op) =>
		(op.fields ?? []).map((field) => ({
			...field,
			displayOptions: showFor(resource, op.value, field.displayOptions),
		})),
	);
	return [operationProperty, ...fields];
}

/**
 * A resource's entry in the node's `customOperations`: its bulk operations, which n8n runs with every input
 * item at once in a workflow (the routing of the same operations serves the routed path, e.g. AI tools).
 */
export function customOperations(
	operations: Operation[],
): Record<string, BulkOperation['execute']> {
	return Object.fromEntries(
		operations.filter((op) => op.bulk).map((op) => [op.value, op.bulk!.execute]),
	);
}

/** Return All and Limit, as every n8n list has them. The node's paginator reads both. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** Routing that puts the parameter's value at `property` (dot notation) in the JSON body. */
export function sendBody(property: string, value?: string): INodePropertyRouting {
	return { send: { type: 'body', property, ...(value ? { value } : {}) } };
}

/** Routing that sends the parameter's value as the query parameter `property`. */
export function sendQuery(property: string): INodePropertyRouting {
	return { send: { type: 'query', property } };
}

const COLLECTIONS = {
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	options: { displayName: 'Options', placeholder: 'Add Option' },
} as const;

/** The optional-fields collections every n8n node has, with the contract's names, options sorted by name. */
export function fieldCollection(
	name: keyof typeof COLLECTIONS,
	options: INodeProperties[],
): INodeProperties {
	return {
		...COLLECTIONS[name],
		name,
		type: 'collection',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * Node versions. Version 2 turned id fields into resource locators, added Simplify and moved Ticketmatic's Order By
 * to Options; version-1 workflows keep their stored parameter shapes and run unchanged (n8n "light versioning":
 * one description, fields shown per `@version`, see n8n's docs "Node versioning").
 */
export const NODE_VERSIONS = { version: [1, 2], defaultVersion: 2 };

/** The fields only version-1 nodes show (their stored parameter shapes). */
export function inVersion1(fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => withVersion(field, [1]));
}

/** The fields nodes of version 2 and later show. */
export function fromVersion2(fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => withVersion(field, [{ _cnd: { gte: 2 } }]));
}

/** A field whose type changed in version 2: the version-1 shape, then the new one (same name, one shown). */
export function changedInVersion2(
	version1: INodeProperties,
	version2: INodeProperties,
): INodeProperties[] {
	return [...inVersion1([version1]), ...fromVersion2([version2])];
}

function withVersion(
	field: INodeProperties,
	versions: NonNullable<IDisplayOptions['show']>['@version'],
): INodeProperties {
	const own = field.displayOptions;
	return {
		...field,
		displayOptions: { ...own, show: { ...(own?.show ?? {}), '@version': versions } },
	};
}

/**
 * The canvas subtitle in words, "Get Many: Customer", from the node's own Resource and Operation options (n8n's
 * nodes write `={{$parameter["operation"] + ": " + $parameter["resource"]}}`, which shows the stored values).
 */
export function subtitleInWords(properties: INodeProperties[]): string {
	const resource = properties.find((p) => p.name === 'resource');
	const resources = Object.fromEntries(
		((resource?.options ?? []) as INodePropertyOptions[]).map((o) => [o.value, o.name]),
	);
	const operations: Record<string, Record<string, string>> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const value of (property.displayOptions?.show?.resource ?? []) as string[]) {
			operations[value] = Object.fromEntries(
				((property.options ?? []) as INodePropertyOptions[]).map((o) => [o.value, o.name]),
			);
		}
	}
	// Spaces keep the object literals' closing braces from reading as the end of the expression ("}}").
	const literal = (value: object) => JSON.stringify(value).replace(/}/g, ' }');
	return (
		`={{ ((${literal(operations)})[$parameter["resource"]] || {})[$parameter["operation"]] || $parameter["operation"] }}` +
		`: {{ (${literal(resources)})[$parameter["resource"]] || $parameter["resource"] }}`
	);
}
