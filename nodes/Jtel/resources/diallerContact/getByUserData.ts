import type { Operation } from '../../../shared/description';
import { fromVersion2 } from '../../../shared/description';
import { simplify, simplifyParameter, unwrap } from '../../../shared/output';
import { jtel } from '../../transport';
import { checkUserData } from './checks';
import { SIMPLE_CONTACT } from './fields';

export const getByUserData: Operation = {
	name: 'Get by User Data',
	value: 'getByUserData',
	action: 'Get dialler contacts by user data',
	description:
		'Retrieve the dialler contacts with the given user data, with their result codes and history',
	routing: {
		// jtel: POST /dialler/contacts with { UserDataList } looks contacts up (jtel wiki "Dialler REST API - Dialler Contact Functions").
		request: { method: 'POST', url: '/dialler/contacts' },
		operations: { pagination: jtel.sendChecked(checkUserData) },
		output: { postReceive: [unwrap('records'), simplify(SIMPLE_CONTACT)] },
	},
	fields: [
		{
			displayName: 'User Data',
			name: 'userData',
			type: 'string',
			typeOptions: { multipleValues: true, multipleValueButtonText: 'Add User Data' },
			required: true,
			default: [],
			placeholder: 'e.g. crm-4711',
			description:
				'Your own key of the contact (UserData). Add several values to get several contacts at once.',
			routing: {
				send: {
					type: 'body',
					property: 'UserDataList',
					value: '={{ [$value].flat(2).map((value) => String(value).trim()) }}',
				},
			},
		},
		...fromVersion2([simplifyParameter(SIMPLE_CONTACT)]),
	],
};
