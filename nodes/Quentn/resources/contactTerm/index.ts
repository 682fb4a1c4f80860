import { resourceProperties } from '../../../shared/description';
import { add } from './add';
import { getAll } from './getAll';
import { remove } from './remove';
import { set } from './set';

export const contactTermProperties = resourceProperties(
	'contactTerm',
	[getAll, add, remove, set],
	'getAll',
);
