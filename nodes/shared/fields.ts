import type { INodeProperties } from 'n8n-workflow';

/** A plain text parameter; `extra` adds a description, placeholder, routing, … */
export function stringField(
	displayName: string,
	name: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...extra };
}

/** What differs between the nodes' e-mail parameters. */
export interface EmailFieldOptions {
	/** `Email` unless the address is someone else's (e.g. `Author Email`). */
	displayName?: string;
	/** The parameter name; `email` unless a vendor names the field otherwise. */
	name?: string;
	description?: string;
	required?: boolean;
	hint?: string;
	routing?: INodeProperties['routing'];
	displayOptions?: INodeProperties['displayOptions'];
}

/** An e-mail address parameter, the same in every node: only its names, description, routing and `required` differ. */
export function emailField({
	displayName = 'Email',
	name = 'email',
	...options
}: EmailFieldOptions = {}): INodeProperties {
	const defined = Object.entries(options).filter(([, value]) => value !== undefined);
	return stringField(displayName, name, {
		placeholder: 'e.g. name@email.com',
		...Object.fromEntries(defined),
	});
}
