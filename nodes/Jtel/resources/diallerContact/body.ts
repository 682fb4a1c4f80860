import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Check } from '../../../shared/validators';
import { digits, idList } from '../../../shared/validators';
import { localDateTime } from '../../../shared/dates';
import { OTHER_PHONE_FIELDS } from './fields';

const filled = (value: unknown) =>
	(typeof value === 'string' && value.trim() !== '') ||
	(typeof value === 'number' && Number.isFinite(value));

function refuse(ctx: IExecuteSingleFunctions, message: string, description: string): never {
	throw new NodeOperationError(ctx.getNode(), message, {
		itemIndex: ctx.getItemIndex(),
		description,
	});
}

/** jtel's import needs Name, the campaign, and at least one of PhoneNumber1..6 (jtel wiki "Import a Dialler Contact"). */
export const checkContactToImport: Check = (ctx) => {
	// Version 1 names the campaign with "Campaign By"; from version 2 the locator's "By Name" mode does.
	const version2 = ctx.getNode().typeVersion >= 2;
	const byName = version2
		? (ctx.getNodeParameter('campaignId', {}) as { mode?: string }).mode === 'name'
		: ctx.getNodeParameter('campaignBy', 'id') === 'name';
	if (byName && version2) {
		if (!filled(ctx.getNodeParameter('campaignId', '', { extractValue: true }))) {
			refuse(
				ctx,
				'"Campaign" is empty',
				'Enter the name of the dialler campaign to import the contact into.',
			);
		}
	} else if (!byName) {
		digits(ctx.getNodeParameter('campaignId', '', { extractValue: true }), {
			node: ctx.getNode(),
			parameter: 'Campaign',
			itemIndex: ctx.getItemIndex(),
		});
	} else if (!filled(ctx.getNodeParameter('campaignName', ''))) {
		refuse(
			ctx,
			'"Campaign Name" is empty',
			'Enter the name of the dialler campaign to import the contact into.',
		);
	}
	if (!filled(ctx.getNodeParameter('name', ''))) {
		refuse(
			ctx,
			'"Name" is empty',
			'jtel needs a name for every dialler contact: enter it or map it from an earlier node.',
		);
	}
	const additional = ctx.getNodeParameter('additionalFields', {}) as IDataObject;
	const phones = [
		ctx.getNodeParameter('phoneNumber1', ''),
		...OTHER_PHONE_FIELDS.map((key) => additional[key]),
	];
	if (!phones.some(filled)) {
		refuse(
			ctx,
			'"Phone Number 1" is empty and no other phone number is set',
			'jtel needs at least one phone number to dial: fill in "Phone Number 1" or add Phone Number 2–6 under Additional Fields.',
		);
	}
};

/** User data values of this item, one level of lists flattened (an expression may give a list). */
export function userDataValues(ctx: IExecuteSingleFunctions): unknown[] {
	const value = ctx.getNodeParameter('userData', []) as unknown;
	return (Array.isArray(value) ? value : [value]).flat();
}

/** Every user data value must be non-empty: an empty one would look up (or delete) a contact without user data. */
function requireFilled(ctx: IExecuteSingleFunctions, values: unknown[]): void {
	values.forEach((value, index) => {
		if (!filled(value)) {
			refuse(
				ctx,
				values.length > 1 ? `"User Data" value ${index + 1} is empty` : '"User Data" is empty',
				'Enter the user data (your own key) of the contact, or map it from an earlier node.',
			);
		}
	});
}

/** At least one user data value, each non-empty. */
const checkUserData: Check = (ctx) => {
	const values = userDataValues(ctx);
	if (values.length === 0)
		refuse(ctx, '"User Data" is empty', 'Enter at least one user data value to look for.');
	requireFilled(ctx, values);
};

/**
 * Get by User Data: at least one user data value or dialler contact ID (jtel's batch retrieve takes "a list of IDs
 * and / or UserData values", jtel wiki "Retrieve Dialler Contacts (Batch)"); user data non-empty, IDs digits only.
 */
export const checkUserDataOrIds: Check = (ctx) => {
	const values = userDataValues(ctx);
	const ids = idList(ctx.getNodeParameter('contactIds', ''));
	if (values.length === 0 && ids.length === 0)
		refuse(
			ctx,
			'"User Data" and "Contact IDs" are both empty',
			'Enter at least one user data value or dialler contact ID to look for.',
		);
	requireFilled(ctx, values);
	const source = { node: ctx.getNode(), parameter: 'Contact IDs', itemIndex: ctx.getItemIndex() };
	for (const id of ids) digits(id, source);
};

/** Delete by user data: the value must be non-empty (by ID, the path placeholder checks the Contact ID). */
export const checkDeleteTarget: Check = (ctx) => {
	if (ctx.getNodeParameter('deleteBy', 'id') === 'userData') checkUserData(ctx);
};

/** The import's date fields, by jtel's body property (jtel wiki "Import a Dialler Contact"). */
const DATE_FIELDS: Record<string, string> = {
	dtBeginDate: 'Begin Date',
	dtEndDate: 'End Date',
	FollowUpDateTime: 'Follow-Up Date and Time',
};

const PARAMETER_OF: Record<string, string> = {
	dtBeginDate: 'dtBeginDate',
	dtEndDate: 'dtEndDate',
	FollowUpDateTime: 'followUpDateTime',
};

/** Every date field that is set must be a date (a picked date, an ISO string, `$now`, milliseconds). */
export const checkDates: Check = (ctx) => {
	const additional = ctx.getNodeParameter('additionalFields', {}) as IDataObject;
	for (const [property, label] of Object.entries(DATE_FIELDS)) {
		const value = additional[PARAMETER_OF[property]];
		if (value === undefined || value === null || value === '') continue;
		if (localDateTime(value, ctx.getTimezone()) === undefined) {
			refuse(
				ctx,
				`"${label}" is not a date: "${String(value).slice(0, 60)}"`,
				'Pick a date, or map one as an ISO 8601 date (e.g. 2026-01-10T09:30:00 or 2026-01-10T09:30:00+01:00), a Luxon DateTime such as {{ $now }}, or milliseconds since 1970.',
			);
		}
	}
};

/**
 * preSend: jtel's date fields as `yyyy-MM-ddTHH:mm:ss`, the form of jtel's examples, whatever form n8n gives
 * them in. A moment (`$now`, an ISO string with an offset, milliseconds) becomes the clock time of the workflow's
 * time zone: jtel's fields carry no zone, and the workflow's zone is the one n8n's date picker and `$now` use.
 * An empty one is left out. A value that is not a date is left for `checkDates` to report.
 */
export async function sendLocalDates(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((options.body as IDataObject | undefined) ?? {}) };
	for (const property of Object.keys(DATE_FIELDS)) {
		if (!(property in body)) continue;
		const value = body[property];
		if (value === undefined || value === null || value === '') {
			delete body[property];
			continue;
		}
		const local = localDateTime(value, this.getTimezone());
		if (local !== undefined) body[property] = local;
	}
	return { ...options, body };
}
