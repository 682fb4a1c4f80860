import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { picker } from '../../shared/pickers';
import { ticketmatic } from '../transport';
import { searchContacts } from './locators';

/**
 * One of the account's settings lists, `GET /settings/system/<list>` → `{ data: [...] }`, in one answer (tm-go
 * settings/system/*: Getlist takes filter, includearchived and lastupdatesince only, no paging).
 */
function settingsList(list: string, qs?: IDataObject) {
	return async (ctx: ILoadOptionsFunctions): Promise<IDataObject[]> => {
		const body = (await ticketmatic.request(ctx, {
			method: 'GET',
			url: `/settings/system/${list}`,
			...(qs ? { qs } : {}),
		})) as { data?: IDataObject[] };
		return Array.isArray(body?.data) ? body.data : [];
	};
}

/** Archived settings are left out of pickers (archivable: tm-go, e.g. contactaddresstypes.Delete). */
const active = (record: IDataObject) => record.isarchived !== true;

/** Relation types ("Press", "VIP"…), the ids stored. */
export const relationTypes = picker({
	load: settingsList('relationtypes'),
	nameField: 'name',
	valueField: 'id',
	include: active,
});

/** Address types, per account (tm-go contacts tests load /settings/system/contactaddresstypes first). */
const addressTypes = picker({
	load: settingsList('contactaddresstypes'),
	nameField: 'name',
	valueField: 'id',
	include: active,
});

/** Phone number types, per account (tm-go settings/system/phonenumbertypes). */
const phoneNumberTypes = picker({
	load: settingsList('phonenumbertypes'),
	nameField: 'name',
	valueField: 'id',
	include: active,
});

/** Contact titles ("Mr.", "Ms."…; a title also sets the sex: tm-go types.go ContactTitle). */
const contactTitles = picker({
	load: settingsList('contacttitles'),
	nameField: 'name',
	valueField: 'id',
	include: active,
});

/**
 * The account's contact custom fields: typeid 13002 is "Contact" (tm-php lib/Endpoints/Settings/System/Customfields.php);
 * the key is stored, sent as c_<key> (tm-go types.go CustomField.Key).
 */
export const customFields = picker({
	load: settingsList('customfields', { typeid: 13002 }),
	nameField: 'caption',
	valueField: 'key',
	descriptionField: 'description',
	include: active,
});

/**
 * The fields a batch update can change: customertitleid and languagecode, or a custom field
 * (tm-go types.go `BatchContactUpdateField.Key`); custom fields are stored as c_<key>, as contacts carry them.
 */
const batchUpdateFields = picker({
	load: async (ctx: ILoadOptionsFunctions) => [
		{ caption: 'Customer Title', key: 'customertitleid', description: 'customertitleid' },
		{ caption: 'Language Code', key: 'languagecode', description: 'languagecode' },
		...(await settingsList('customfields', { typeid: 13002 })(ctx))
			.filter((field) => active(field) && String(field.key ?? '') !== '')
			.map((field) => ({ ...field, key: `c_${String(field.key ?? '')}` })),
	],
	nameField: 'caption',
	valueField: 'key',
	descriptionField: 'description',
});

/** Opt-ins (newsletters, consents) of the account (tm-go settings/system/optins). */
export const optIns = picker({
	load: settingsList('optins'),
	nameField: 'name',
	valueField: 'id',
	descriptionField: 'description',
	include: active,
});

/** Every picker of the node, under the names its parameters use. */
export const methods = {
	loadOptions: {
		getRelationTypes: relationTypes.options,
		getAddressTypes: addressTypes.options,
		getPhoneNumberTypes: phoneNumberTypes.options,
		getContactTitles: contactTitles.options,
		getCustomFields: customFields.options,
		getBatchUpdateFields: batchUpdateFields.options,
		getOptIns: optIns.options,
	},
	listSearch: { searchContacts, searchRelationTypes: relationTypes.search },
};
