import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

/** How a vendor's records become picker entries. */
interface PickerSpec {
	/** Loads every record to offer (one request or all pages), through the vendor's transport. */
	load: (ctx: ILoadOptionsFunctions) => Promise<IDataObject[]>;
	/** The record's field shown to the user (falls back to the value when empty). */
	nameField: string;
	/** The record's field stored in the workflow (an id, a key). */
	valueField: string;
	/** A record's field shown under its name, when it has one. */
	descriptionField?: string;
	/** Records to leave out (e.g. archived ones); all are kept when omitted. */
	include?: (record: IDataObject) => boolean;
}

/** A record's name, ID or description as trimmed text (`''` for anything else). */
function labelText(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/**
 * The records as options: named, described, each value once, filtered by the search text (which matches a
 * name or a value, case-insensitive) and sorted by name. The one place pickers filter and sort.
 */
export function pickerOptions(
	records: IDataObject[],
	spec: Omit<PickerSpec, 'load'>,
	filter?: string,
): INodePropertyOptions[] {
	const wanted = (filter ?? '').trim().toLowerCase();
	const seen = new Set<string>();
	const options: INodePropertyOptions[] = [];
	for (const record of records) {
		if (spec.include && !spec.include(record)) continue;
		const raw = record[spec.valueField];
		const value = typeof raw === 'number' ? raw : labelText(raw);
		if (value === '' || seen.has(String(value))) continue;
		const name = labelText(record[spec.nameField]) || String(value);
		if (
			wanted &&
			!name.toLowerCase().includes(wanted) &&
			!String(value).toLowerCase().includes(wanted)
		)
			continue;
		seen.add(String(value));
		const description = spec.descriptionField ? labelText(record[spec.descriptionField]) : '';
		options.push({ name, value, ...(description ? { description } : {}) });
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

export interface Picker {
	/** For `loadOptionsMethod` (options / multiOptions parameters). */
	options(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]>;
	/** For `searchListMethod` (the "From List" mode of a resource locator): values as text. */
	search(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult>;
}

/** A picker over one list of the account: the same entries for a dropdown and for a resource locator's list. */
export function picker(spec: PickerSpec): Picker {
	return {
		async options(this: ILoadOptionsFunctions) {
			return pickerOptions(await spec.load(this), spec);
		},
		async search(this: ILoadOptionsFunctions, filter?: string) {
			const results = pickerOptions(await spec.load(this), spec, filter).map(
				({ name, value, description }) => ({
					name,
					value: String(value),
					...(description ? { description } : {}),
				}),
			);
			return { results };
		},
	};
}
