import { resourceProperties } from '../../../shared/description';
import { add } from './add';
import { get } from './get';
import { remove } from './remove';
import { update } from './update';

export const customerAttributeProperties = resourceProperties(
	'customerAttribute',
	[get, add, update, remove],
	'get',
);
