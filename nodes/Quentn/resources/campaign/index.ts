import { resourceProperties } from '../../../shared/description';
import { start } from './start';

export const campaignProperties = resourceProperties('campaign', [start], 'start');
