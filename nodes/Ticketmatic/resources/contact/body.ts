import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Check, ValueSource } from '../../../shared/validators';
import { digits, emailAddress, idList } from '../../../shared/validators';

/** Parameter name → Ticketmatic's field name, for the fields sent as they are. */
const PLAIN: Record<string, string> = {
	birthdate: 'birthdate',
	company: 'company',
	firstName: 'firstname',
	languageCode: 'languagecode',
	lastName: 'lastname',
	middleName: 'middlename',
	organizationFunction: 'organizationfunction',
	sex: 'sex',
	vatNumber: 'vatnumber',
};

function entries(value: unknown, name: string): IDataObject[] {
	const list = (value as IDataObject | undefined)?.[name];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** An id from one of the account's settings lists (picked, typed or mapped): digits, sent as a number. */
function accountId(value: unknown, source: ValueSource): number {
	return Number(digits(value, source));
}

/** Drops the empty strings a form leaves behind in a nested entry. */
function filled(record: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(record).filter(([, v]) => v !== '' && v !== undefined && v !== null),
	);
}

/** Relation type ids from the picker (numbers), an expression (array) or a typed list ("1, 2"): sorted, each once. */
export function relationTypeIdList(value: unknown, source: ValueSource): number[] {
	const ids = idList(value).map((id) => Number(digits(id, source)));
	return [...new Set(ids)].sort((a, b) => a - b);
}

/**
 * A Ticketmatic Contact from the node's fields (`email` + a create/update collection): vendor field names,
 * nested lists in Ticketmatic's shape, custom fields as `c_<key>`. Throws a NodeOperationError naming the field.
 */
export function contactBody(fields: IDataObject, node: INode, itemIndex: number): IDataObject {
	const at = (parameter: string): ValueSource => ({ node, parameter, itemIndex });
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		if (name in PLAIN) body[PLAIN[name]] = value;
	}
	// Checked only when given: Ticketmatic itself accepts a contact without an e-mail address.
	if (fields.email !== undefined && String(fields.email).trim() !== '')
		body.email = emailAddress(fields.email, at('Email'));
	if (fields.addresses !== undefined) {
		body.addresses = entries(fields.addresses, 'address').map((a) =>
			filled({
				typeid: accountId(a.typeId, at('Addresses → Type')),
				street1: a.street1,
				street2: a.street2,
				street3: a.street3,
				zip: a.zip,
				city: a.city,
				state: a.state,
				countrycode: a.countryCode,
			}),
		);
	}
	if (fields.phoneNumbers !== undefined) {
		body.phonenumbers = entries(fields.phoneNumbers, 'phoneNumber').map((p) =>
			filled({ typeid: accountId(p.typeId, at('Phone Numbers → Type')), number: p.number }),
		);
	}
	if (fields.optIns !== undefined) {
		body.optins = entries(fields.optIns, 'optIn').map((o) => ({
			optinid: accountId(o.optInId, at('Opt-Ins → Opt-In')),
			status: o.status,
			info: filled({ method: o.method, remarks: o.remarks }),
		}));
	}
	if (fields.customerTitleId !== undefined && fields.customerTitleId !== '') {
		body.customertitleid = accountId(fields.customerTitleId, at('Customer Title'));
	}
	if (fields.relationTypeIds !== undefined) {
		body.relationtypes = relationTypeIdList(
			fields.relationTypeIds,
			at('Relation Type Names or IDs'),
		);
	}
	for (const field of entries(fields.customFields, 'field')) {
		// Custom fields appear on the contact as c_<key> properties (tm-go types.go CustomField.Key).
		const key = String(field.key ?? '')
			.trim()
			.replace(/^c_/, '');
		if (!/^[A-Za-z0-9_]+$/.test(key)) {
			throw new NodeOperationError(node, `Custom field key "${key.slice(0, 60)}" is not valid`, {
				itemIndex,
				description:
					'Use the key of the custom field as Ticketmatic shows it (letters, digits and "_"), with or without "c_".',
			});
		}
		body[`c_${key}`] = field.value;
	}
	return body;
}

/** Where an operation keeps its contact fields: a collection, and `email` on top when `withEmail`. */
export interface ContactSource {
	withEmail: boolean;
}

/** The fields of one item: `email` (when the operation has it on top) and the collection's. */
function fieldsOf(
	ctx: IExecuteSingleFunctions,
	collection: string,
	{ withEmail }: ContactSource,
): IDataObject {
	const fields = { ...(ctx.getNodeParameter(collection, {}) as IDataObject) };
	if (withEmail) fields.email = ctx.getNodeParameter('email', '') as string;
	return fields;
}

/**
 * preSend: the item's Contact as the request body. n8n runs preSend before the transport's guarded hook, so a
 * bad value is left for `checkContact` to report there (where "continue on fail" and pairing work).
 */
export function sendContact(collection: string, source: ContactSource) {
	return async function (
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		try {
			return {
				...options,
				body: contactBody(fieldsOf(this, collection, source), this.getNode(), this.getItemIndex()),
			};
		} catch {
			return options; // reported by checkContact, before anything is sent
		}
	};
}

/** Check: the item's contact fields are valid (the same rules `sendContact` builds with). */
export function checkContact(collection: string, source: ContactSource): Check {
	return (ctx) => {
		contactBody(fieldsOf(ctx, collection, source), ctx.getNode(), ctx.getItemIndex());
	};
}
