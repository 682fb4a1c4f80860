import { resourceProperties } from '../../../shared/description';
import { getAll } from './getAll';

export const customFieldProperties = resourceProperties('customField', [getAll], 'getAll');
