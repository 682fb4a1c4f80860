import { resourceProperties } from '../../../shared/description';
import { create } from './create';
import { del } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { merge } from './merge';
import { update } from './update';
import { upsert } from './upsert';

export const contactProperties = resourceProperties(
	'contact',
	[create, get, getAll, update, upsert, del, merge],
	'get',
);
