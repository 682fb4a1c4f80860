import { resourceProperties } from '../../../shared/description';
import { create } from './create';
import { del } from './delete';
import { get } from './get';
import { getAll } from './getAll';

// TicketSource documents no update for notes.
export const customerNoteProperties = resourceProperties(
	'customerNote',
	[create, get, getAll, del],
	'getAll',
);
