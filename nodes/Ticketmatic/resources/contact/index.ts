import { resourceProperties } from '../../../shared/description';
import { addRelationTypes, addRelationTypesToContacts } from './addRelationTypes';
import { create } from './create';
import { del } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getByEmail } from './getByEmail';
import { importContacts, importOperation } from './import';
import { removeRelationTypes, removeRelationTypesFromContacts } from './removeRelationTypes';
import { subscribe, subscribeContacts } from './subscribe';
import { unsubscribe, unsubscribeContacts } from './unsubscribe';
import { update } from './update';

export const contactProperties = resourceProperties(
	'contact',
	[create, get, getByEmail, getAll, update, del, importOperation, addRelationTypes, removeRelationTypes, subscribe, unsubscribe],
	'get',
);

/** The bulk operations: n8n runs these functions instead of routing (ENGINE.md). */
export const contactCustomOperations = {
	import: importContacts,
	addRelationTypes: addRelationTypesToContacts,
	removeRelationTypes: removeRelationTypesFromContacts,
	subscribe: subscribeContacts,
	unsubscribe: unsubscribeContacts,
};
