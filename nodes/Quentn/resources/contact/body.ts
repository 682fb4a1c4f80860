import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { checkUtc, utcDateTime } from '../../../shared/dates';
import { idList } from '../../../shared/validators';

/** `firstName` → `first_name`, `baStreet2` → `ba_street2`, `phone2Type` → `phone2_type`: Quentn's field names. */
function quentnFieldName(key: string): string {
	return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function commaList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

/**
 * The contact object Quentn expects, from the values of additionalFields / updateFields; `timeZone` (the workflow's)
 * reads a date of birth without a zone. A date of birth that is not a date is kept, for `checkDateOfBirth`.
 */
export function contactObject(values: IDataObject, timeZone: string): IDataObject {
	const contact: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (key === 'customFields') {
			for (const field of ((value as IDataObject)?.field as IDataObject[] | undefined) ?? []) {
				const name = String(field.name ?? '').trim();
				if (name !== '') contact[name] = field.value as string;
			}
		} else if (key === 'terms') {
			contact.terms = idList(value).map((id) => (/^\d+$/.test(id) ? Number(id) : id));
		} else if (key === 'dateOfBirth') {
			// Quentn's example is "2004-02-12T15:19:21+00:00" (help centre "Contact API"): the moment, in UTC.
			if (value !== '' && value !== null && value !== undefined)
				contact.date_of_birth = utcDateTime(value, timeZone, 'iso') ?? (value as string);
		} else if (value !== undefined) {
			contact[quentnFieldName(key)] = value;
		}
	}
	return contact;
}

/** The request's top-level options (`duplicate_check_method`, `return_fields`, …) from the Options collection. */
export function requestOptions(options: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(options)) {
		if (key === 'chunkSize' || key === 'errorIfNotFound' || key === 'fields') continue;
		if (key === 'returnFields') {
			const list = commaList(value);
			if (list.length) out.return_fields = list;
		} else if (key === 'requestIp') {
			if (String(value).trim() !== '') out.request_ip = String(value).trim();
		} else {
			out[quentnFieldName(key)] = value;
		}
	}
	return out;
}

/** Reads a parameter of the current item, whichever context reads it. */
export type ReadParameter = (name: string, fallback: unknown) => unknown;

/** One contact to create, with the request options: the same for create and for each item of create many. */
export function contactToCreate(
	read: ReadParameter,
	timeZone: string,
): {
	contact: IDataObject;
	options: IDataObject;
} {
	const mail = String(read('email', '') ?? '').trim();
	const contact = contactObject(read('additionalFields', {}) as IDataObject, timeZone);
	return {
		contact: mail === '' ? contact : { mail, ...contact },
		options: requestOptions(read('options', {}) as IDataObject),
	};
}

/** preSend of update: the fields to change at the top level, plus `return_fields` (Quentn help centre "Contact API": "Update contact"). */
export async function updateBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fields = contactObject(
		this.getNodeParameter('updateFields', {}) as IDataObject,
		this.getTimezone(),
	);
	return {
		...options,
		body: { ...fields, ...requestOptions(this.getNodeParameter('options', {}) as IDataObject) },
	};
}

/** Check: the routed date of birth (at `path` of the body) is a date. */
export const checkDateOfBirth = (path: string) => checkUtc('body', path, 'iso', 'Date of Birth');
