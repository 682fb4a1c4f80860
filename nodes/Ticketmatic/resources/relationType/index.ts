import { resourceProperties } from '../../../shared/description';
import { get } from './get';
import { getAll } from './getAll';

export const relationTypeProperties = resourceProperties('relationType', [get, getAll], 'getAll');
