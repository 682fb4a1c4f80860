import { resourceProperties } from '../../../shared/description';
import { getByEmail } from './getByEmail';

export const customerProperties = resourceProperties('customer', [getByEmail], 'getByEmail');
