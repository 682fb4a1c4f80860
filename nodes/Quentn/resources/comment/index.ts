import { resourceProperties } from '../../../shared/description';
import { create } from './create';
import { del } from './delete';
import { getAll } from './getAll';
import { update } from './update';

export const commentProperties = resourceProperties(
	'comment',
	[create, getAll, update, del],
	'getAll',
);
