import { resourceProperties } from '../../../shared/description';
import { add } from './add';
import { addByEmail } from './addByEmail';
import { remove } from './remove';

export const customerTagProperties = resourceProperties(
	'customerTag',
	[add, addByEmail, remove],
	'add',
);
