import type { INodeProperties } from 'n8n-workflow';

export { contactId } from '../contact/fields';

/** The terms to add, remove or set: picked by name from the account's terms, stored as ids. */
export const termIds: INodeProperties = {
	displayName: 'Term Names or IDs',
	name: 'termIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTerms' },
	required: true,
	default: [],
	description:
		'Terms (tags) to apply; an expression may give a list or comma-separated IDs. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
