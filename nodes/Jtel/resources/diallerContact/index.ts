import { resourceProperties } from '../../../shared/description';
import { del } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getByUserData } from './getByUserData';
import { importContact } from './import';

export const diallerContactProperties = resourceProperties(
	'diallerContact',
	[importContact, get, getAll, getByUserData, del],
	'import',
);
