import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { baseUrl, ticketmatic } from './transport';

/** Pickers: lists loaded from the account, through the same transport as every other request. */
export const loadOptions = {
	/** The account's relation types (archived ones left out), by name. */
	async getRelationTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const body = (await ticketmatic.request(this, {
			method: 'GET',
			url: `${await baseUrl(this)}/settings/system/relationtypes`,
		})) as { data?: IDataObject[] };
		return (body?.data ?? [])
			.filter((type) => type.isarchived !== true)
			.map((type) => ({ name: String(type.name ?? type.id), value: Number(type.id) }))
			.sort((a, b) => a.name.localeCompare(b.name));
	},
};
