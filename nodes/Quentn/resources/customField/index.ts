import { resourceProperties } from '../../../shared/description';
import { create } from './create';
import { del } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const customFieldProperties = resourceProperties(
	'customField',
	[create, get, getAll, update, del],
	'getAll',
);
