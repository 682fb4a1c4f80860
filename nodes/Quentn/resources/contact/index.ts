import { resourceProperties } from '../../../shared/description';
import { create } from './create';
import { createMany, createManyContacts } from './createMany';
import { del } from './delete';
import { get } from './get';
import { getByEmail } from './getByEmail';
import { update } from './update';

export const contactProperties = resourceProperties(
	'contact',
	[create, createMany, get, getByEmail, update, del],
	'get',
);

/** Operations sent by code rather than routing (bulk endpoints). */
export const contactCustomOperations = { createMany: createManyContacts };
