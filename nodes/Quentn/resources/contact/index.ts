import { customOperations, resourceProperties } from '../../../shared/description';
import { create } from './create';
import { createMany } from './createMany';
import { del } from './delete';
import { get } from './get';
import { getByEmail } from './getByEmail';
import { update } from './update';
import { upsert } from './upsert';

const operations = [create, createMany, get, getByEmail, update, upsert, del];

export const contactProperties = resourceProperties('contact', operations, 'get');

/** The bulk operations, run with all input items at once in a workflow. */
export const contactCustomOperations = customOperations(operations);
