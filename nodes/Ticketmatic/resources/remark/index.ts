import { resourceProperties } from '../../../shared/description';
import { create } from './create';
import { del } from './delete';
import { get } from './get';
import { update } from './update';

// Ticketmatic has no endpoint that lists a contact's remarks (tm-go ticketmatic/contacts/operations.go: remark calls take a remark id; no list).
export const remarkProperties = resourceProperties('remark', [create, get, update, del], 'create');
