import { customOperations, resourceProperties } from '../../../shared/description';
import { addRelationTypes } from './addRelationTypes';
import { create } from './create';
import { del } from './delete';
import { deleteMany } from './deleteMany';
import { get } from './get';
import { getAll } from './getAll';
import { getByEmail } from './getByEmail';
import { importOperation } from './import';
import { merge } from './merge';
import { removeRelationTypes } from './removeRelationTypes';
import { subscribe, unsubscribe } from './subscribe';
import { update } from './update';
import { updateMany } from './updateMany';
import { upsert } from './upsert';

const operations = [
	create,
	get,
	getByEmail,
	getAll,
	update,
	upsert,
	del,
	importOperation,
	addRelationTypes,
	removeRelationTypes,
	subscribe,
	unsubscribe,
	updateMany,
	merge,
	deleteMany,
];

export const contactProperties = resourceProperties('contact', operations, 'get');

/** The bulk operations, run with all input items at once in a workflow. */
export const contactCustomOperations = customOperations(operations);
