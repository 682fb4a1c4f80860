import { resourceProperties } from '../../../shared/description';
import { add } from './add';
import { remove } from './remove';

export const customerTagProperties = resourceProperties('customerTag', [add, remove], 'add');
