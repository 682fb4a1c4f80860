import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/description';
import {
	fieldCollection,
	fromVersion2,
	inVersion1,
	sendBody,
	sendQuery,
} from '../../../shared/description';
import { unwrap } from '../../../shared/output';
import { jtel } from '../../transport';
import { campaignId } from '../diallerCampaign/fields';
import { checkContactToImport, checkDates, sendLocalDates } from './body';
import { importFields } from './fields';

/**
 * preSend of the version-2 campaign locator: `DiallerCampaignsName` in mode "By Name", else `DiallerCampaignsID`
 * (an expression cannot see a locator's mode: n8n's `$parameter` gives only its value).
 */
async function sendCampaign(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { mode } = this.getNodeParameter('campaignId', {}) as { mode?: string };
	const value = String(
		this.getNodeParameter('campaignId', '', { extractValue: true }) ?? '',
	).trim();
	const campaign =
		mode === 'name' ? { DiallerCampaignsName: value } : { DiallerCampaignsID: Number(value) };
	return { ...options, body: { ...(options.body as IDataObject), ...campaign } };
}

export const importContact: Operation = {
	name: 'Import',
	value: 'import',
	action: 'Import dialler contact',
	description: 'Add a contact to a dialler campaign, or update the one with the same user data',
	routing: {
		// One contact per request: jtel's import takes exactly one (jtel wiki "Import a Dialler Contact").
		request: { method: 'POST', url: '/dialler/contacts/import' },
		send: { preSend: [sendLocalDates] },
		operations: { pagination: jtel.sendChecked(checkContactToImport, checkDates) },
		output: { postReceive: [unwrap('records')] },
	},
	fields: [
		// Version 1: "Campaign By" chose between the campaign locator and a name field (two switches in a row).
		...inVersion1([
			{
				displayName: 'Campaign By',
				name: 'campaignBy',
				type: 'options',
				options: [
					{ name: 'ID', value: 'id', description: 'Pick the campaign or enter its ID' },
					{
						name: 'Name',
						value: 'name',
						description: 'Enter the campaign name exactly as in jtel',
					},
				],
				default: 'id',
				description: 'How to name the dialler campaign the contact is imported into',
			},
			{
				...campaignId,
				displayOptions: { show: { campaignBy: ['id'] } },
				routing: {
					send: {
						type: 'body',
						property: 'DiallerCampaignsID',
						value: '={{ Number(String($value).trim()) }}',
					},
				},
			},
			{
				displayName: 'Campaign Name',
				name: 'campaignName',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. My Campaign',
				displayOptions: { show: { campaignBy: ['name'] } },
				routing: sendBody('DiallerCampaignsName'),
			},
		]),
		// From version 2 one control: the campaign from the list, by ID or by name (jtel takes DiallerCampaignsID or
		// DiallerCampaignsName: jtel wiki "Import a Dialler Contact").
		...fromVersion2([
			{
				...campaignId,
				modes: [
					...(campaignId.modes ?? []),
					{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. My Campaign' },
				],
				description:
					'The dialler campaign to import the contact into: from the list, by its ID, or by its name exactly as in jtel',
				routing: { send: { preSend: [sendCampaign] } },
			},
		]),
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Mustermann',
			description: "The contact's (last) name",
			routing: sendBody('Name'),
		},
		{
			displayName: 'Phone Number 1',
			name: 'phoneNumber1',
			type: 'string',
			default: '',
			placeholder: 'e.g. +4989123456',
			hint: 'At least one phone number is needed: this one or Phone Number 2–6 under Additional Fields',
			routing: { send: { type: 'body', property: 'PhoneNumber1' } },
		},
		{
			displayName: 'Overwrite Duplicates',
			name: 'overwriteDuplicates',
			type: 'boolean',
			default: false,
			description:
				'Whether to overwrite the contact whose user data matches (this is how an existing contact is updated: set User Data under Additional Fields). Off: a new contact is always created.',
			routing: sendQuery('overwriteDuplicates'),
		},
		fieldCollection('additionalFields', importFields),
	],
};
