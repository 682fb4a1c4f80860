import { searchCustomerNotes, searchCustomers } from './locators';

/** Every list of the node (the resource locators' From List modes), under the names its parameters use. */
export const methods = {
	listSearch: { searchCustomerNotes, searchCustomers },
};
