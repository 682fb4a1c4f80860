/**
 * Why this module exists: n8n's RoutingNode resolves every node property by name for every item, once per
 * definition with that name (n8n-core routing-node `runNode`), so a field that ten operations define ten times is
 * evaluated ten times per item, and a field mapped from the input (`{{ $json.id }}`) pays an expression evaluation
 * each time. Writing one definition per name by hand would mean display options that list every resource and
 * operation a field appears in, kept in step by whoever adds an operation; `oneDefinitionPerName` derives them from
 * the operation files instead. Measured on this package (test/shared/mappedFields.test.ts counts the evaluations;
 * "before" is the same node without this module): node properties ChartMogul 67 → 39, Quentn 72 → 37, Ticketmatic
 * 72 → 39, TicketSource 34 → 21, jtel 28 → 25; evaluations of a mapped field per item: Ticketmatic contact Get
 * Contact ID 28 → 10, ChartMogul contact Create e-mail 4 → 2 (when first measured, on fewer operations: properties
 * 52 → 30, 64 → 33, 64 → 35, 34 → 21, 27 → 24; evaluations 24 → 10 and 5 → 2).
 */
import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * One definition per parameter name, wherever the editor shows the same thing.
 *
 * For every item, n8n's RoutingNode resolves the stored value of each node property *by name*, once per property
 * definition with that name, whatever its display options (n8n-core `routing-node` `runNode`; n8n 2.41 does it a
 * second time to find the base URL's owner, `resolveBaseUrl`). A field that several operations share is therefore
 * evaluated once per operation that defines it: a Contact ID mapped to `{{ $json.id }}` ran 24 times per item in
 * Ticketmatic. Definitions that are the same apart from the resource and operation they are shown for become one,
 * shown for all of them; `collection`s (Additional Fields) that differ only in their options become one whose
 * options are each shown for the operations that had them (`'/operation'` display options, as n8n's own nodes use
 * inside collections). Nothing merges where one display rule could not say exactly where the field was shown.
 */
export function oneDefinitionPerName(properties: INodeProperties[]): INodeProperties[] {
	const operations = operationsByResource(properties);
	const exists = (pair: Pair) => operations.get(pair[0])?.has(pair[1]) ?? false;
	const views = [...operations].flatMap(([resource, ops]) =>
		[...ops].map((op): Pair => [resource, op]),
	);
	const entries: Array<{ cluster?: Cluster; property: INodeProperties }> = [];
	/** The entry each property ended up in. */
	const entryOf: number[] = [];
	for (const [index, property] of properties.entries()) {
		const place = placeOf(property);
		const merged =
			place &&
			entries.findIndex(({ cluster }, at) => {
				if (cluster?.name !== property.name) return false;
				const tried = { ...cluster };
				if (!absorb(tried, property, place, exists)) return false;
				// Kept only if every operation still shows its fields in the order it had.
				if (!orderOf(properties, [...entryOf, at], views)) return false;
				Object.assign(cluster, tried);
				return true;
			});
		if (merged !== undefined && merged >= 0) {
			entryOf[index] = merged;
			continue;
		}
		entryOf[index] = entries.length;
		entries.push({ property, ...(place ? { cluster: newCluster(property, place) } : {}) });
	}
	const order = orderOf(properties, entryOf, views)!;
	return order.map((e) => (entries[e].cluster ? emit(entries[e].cluster) : entries[e].property));
}

/**
 * The entries in an order that keeps, for every resource and operation, the order its fields had; `undefined` when
 * there is none. Fields are taken in the order of their first definition wherever the constraints allow.
 */
function orderOf(
	properties: INodeProperties[],
	entryOf: number[],
	views: Pair[],
): number[] | undefined {
	const count = Math.max(...entryOf) + 1;
	const after = Array.from({ length: count }, () => new Set<number>());
	const before = new Array<number>(count).fill(0);
	for (const view of views) {
		let last: number | undefined;
		for (const [index, property] of properties.entries()) {
			if (index >= entryOf.length || !shownIn(property, view)) continue;
			const entry = entryOf[index];
			if (last !== undefined && last !== entry && !after[last].has(entry)) {
				after[last].add(entry);
				before[entry]++;
			}
			last = entry;
		}
	}
	const order: number[] = [];
	const ready = new Set([...Array(count).keys()].filter((e) => before[e] === 0));
	while (ready.size) {
		const next = Math.min(...ready);
		ready.delete(next);
		order.push(next);
		for (const e of after[next]) if (--before[e] === 0) ready.add(e);
	}
	return order.length === count ? order : undefined;
}

/** Whether the field may be shown for this resource and operation (other conditions taken as met). */
function shownIn(property: INodeProperties, [resource, operation]: Pair): boolean {
	const show = property.displayOptions?.show ?? {};
	const allows = (list: unknown, value: string) => !Array.isArray(list) || list.includes(value);
	return allows(show.resource, resource) && allows(show.operation, operation);
}

type Pair = [resource: string, operation: string];

/** Where a field is shown: its resource × operation pairs, and the rest of its display rule (e.g. `@version`). */
interface Place {
	pairs: Pair[];
	other: IDisplayOptions['show'];
}

interface Cluster {
	name: string;
	first: INodeProperties;
	other: IDisplayOptions['show'];
	pairs: Pair[];
	/** Collections: each option and the pairs it is shown for. */
	options?: Array<{ option: INodeProperties; pairs: Pair[] }>;
}

function operationsByResource(properties: INodeProperties[]): Map<string, Set<string>> {
	const map = new Map<string, Set<string>>();
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		const values = ((property.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[])
			map.set(resource, new Set([...(map.get(resource) ?? []), ...values]));
	}
	return map;
}

function placeOf(property: INodeProperties): Place | undefined {
	const display = property.displayOptions;
	if (!display || Object.keys(display).some((key) => key !== 'show')) return undefined;
	const { resource, operation, ...other } = display.show ?? {};
	const strings = (list: unknown): list is string[] =>
		Array.isArray(list) && list.length > 0 && list.every((v) => typeof v === 'string');
	if (!strings(resource) || !strings(operation)) return undefined;
	return { pairs: resource.flatMap((r) => operation.map((o): Pair => [r, o])), other };
}

function newCluster(property: INodeProperties, place: Place): Cluster {
	const collection = property.type === 'collection';
	return {
		name: property.name,
		first: property,
		other: place.other,
		pairs: place.pairs,
		...(collection
			? {
					options: (property.options as INodeProperties[]).map((option) => ({
						option,
						pairs: place.pairs,
					})),
				}
			: {}),
	};
}

/** Adds the property to the cluster when one exact display rule still says where each part is shown. */
function absorb(
	cluster: Cluster,
	property: INodeProperties,
	place: Place,
	exists: (pair: Pair) => boolean,
): boolean {
	if (!same(cluster.other, place.other)) return false;
	const pairs = [...cluster.pairs, ...place.pairs];
	if (!exact(pairs, pairs, exists)) return false;
	let options = cluster.options;
	if (options) {
		if (
			property.type !== 'collection' ||
			!same(body(cluster.first, { withoutOptions: true }), body(property, { withoutOptions: true }))
		)
			return false;
		options = options.map((entry) => ({ ...entry }));
		for (const option of property.options as INodeProperties[]) {
			if (option.displayOptions) return false;
			const known = options.find((entry) => entry.option.name === option.name);
			if (known && !same(known.option, option)) return false;
			if (known) known.pairs = [...known.pairs, ...place.pairs];
			else options.push({ option, pairs: place.pairs });
		}
		if (options.some((entry) => !exact(entry.pairs, pairs, exists))) return false;
	} else if (
		!same(body(cluster.first, { withoutOptions: false }), body(property, { withoutOptions: false }))
	) {
		return false;
	}
	cluster.pairs = pairs;
	cluster.options = options;
	return true;
}

/** Whether resources(shown) × operations(shown) adds no pair of `all` that `shown` lacks and that the node has. */
function exact(shown: Pair[], all: Pair[], exists: (pair: Pair) => boolean): boolean {
	const key = (pair: Pair) => `${pair[0]}\u0000${pair[1]}`;
	const within = new Set(shown.map(key));
	const among = new Set(all.map(key));
	for (const resource of unique(shown.map((p) => p[0])))
		for (const operation of unique(shown.map((p) => p[1]))) {
			const pair: Pair = [resource, operation];
			if (!within.has(key(pair)) && (among.has(key(pair)) || exists(pair))) return false;
		}
	return true;
}

function emit(cluster: Cluster): INodeProperties {
	const resources = unique(cluster.pairs.map((p) => p[0]));
	const property: INodeProperties = {
		...cluster.first,
		displayOptions: {
			show: {
				...cluster.other,
				resource: resources,
				operation: unique(cluster.pairs.map((p) => p[1])),
			},
		},
	};
	if (!cluster.options) return property;
	const everywhere = cluster.pairs.length;
	property.options = cluster.options
		.map(({ option, pairs }) =>
			pairs.length === everywhere
				? option
				: {
						...option,
						displayOptions: {
							show: {
								...(resources.length > 1 ? { '/resource': unique(pairs.map((p) => p[0])) } : {}),
								'/operation': unique(pairs.map((p) => p[1])),
							},
						},
					},
		)
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return property;
}

function body(property: INodeProperties, { withoutOptions }: { withoutOptions: boolean }): object {
	const rest: Partial<INodeProperties> = { ...property };
	delete rest.displayOptions;
	if (withoutOptions) delete rest.options;
	return rest;
}

function unique<T>(list: T[]): T[] {
	return [...new Set(list)];
}

/** Structural equality of JSON-like description values (functions compared by identity). */
function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
	const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
	if (ka.length !== kb.length) return false;
	return ka.every((k) =>
		same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
	);
}
