import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { picker } from '../../shared/pickers';
import { allTerms, quentn } from '../transport';
import { searchComments } from './locators';

/** The account's terms (tags), every page of GET /terms; the ids stored. */
export const terms = picker({
	load: allTerms,
	nameField: 'name',
	valueField: 'id',
	descriptionField: 'description',
});

/**
 * The account's custom contact fields: GET /custom-fields → `[{ field_name, label, description, type }]`
 * (quentn-php CustomFieldClient::getCustomFields, examples/custom-field-examples.php); the field name is stored.
 */
export const customFields = picker({
	load: async (ctx: ILoadOptionsFunctions) => {
		const body = await quentn.request(ctx, {
			method: 'GET',
			url: '/custom-fields',
		});
		return Array.isArray(body) ? (body as IDataObject[]) : [];
	},
	nameField: 'label',
	valueField: 'field_name',
	descriptionField: 'field_name',
});

/** Every picker of the node, under the names its parameters use. */
export const methods = {
	loadOptions: {
		getTerms: terms.options,
		getCustomFields: customFields.options,
	},
	listSearch: {
		searchComments,
		searchTerms: terms.search,
		searchCustomFields: customFields.search,
	},
};
