import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import { fromVersion2 } from '../../../shared/description';
import { simplify, simplifyParameter, unwrap } from '../../../shared/output';
import { idList } from '../../../shared/validators';
import { jtel } from '../../transport';
import { checkUserDataOrIds, userDataValues } from './body';
import { SIMPLE_CONTACT } from './fields';

/**
 * preSend: `{ UserDataList, IDList }` with the lists that have values (jtel wiki "Retrieve Dialler Contacts (Batch)":
 * "a list of IDs and / or UserData values"). Values the check refuses are left for it to report.
 */
async function lookupBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const userData = userDataValues(this).map((value) => String(value ?? '').trim());
	const ids = idList(this.getNodeParameter('contactIds', '')).map(Number);
	const body: IDataObject = {
		...(userData.length ? { UserDataList: userData } : {}),
		...(ids.length ? { IDList: ids } : {}),
	};
	return { ...options, body };
}

export const getByUserData: Operation = {
	name: 'Get by User Data',
	value: 'getByUserData',
	action: 'Get dialler contacts by user data',
	description:
		'Retrieve the dialler contacts with the given user data or IDs, with their result codes and history',
	routing: {
		// jtel: POST /dialler/contacts with { UserDataList, IDList } looks contacts up (jtel wiki "Retrieve Dialler Contacts (Batch)").
		request: { method: 'POST', url: '/dialler/contacts' },
		send: { preSend: [lookupBody] },
		operations: { pagination: jtel.sendChecked(checkUserDataOrIds) },
		output: { postReceive: [unwrap('records'), simplify(SIMPLE_CONTACT)] },
	},
	fields: [
		{
			displayName: 'User Data',
			name: 'userData',
			type: 'string',
			typeOptions: { multipleValues: true, multipleValueButtonText: 'Add User Data' },
			default: [],
			placeholder: 'e.g. crm-4711',
			description:
				'Your own key of the contact (UserData). Add several values to get several contacts at once.',
		},
		{
			displayName: 'Contact IDs',
			name: 'contactIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 215387, 215388',
			description:
				'Dialler contact IDs to get as well (IDList): comma-separated, or a list mapped with an expression',
		},
		...fromVersion2([simplifyParameter(SIMPLE_CONTACT)]),
	],
};
