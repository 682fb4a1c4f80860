import { resourceProperties } from '../../../shared/description';
import { get } from './get';
import { getAll } from './getAll';

export const diallerCampaignProperties = resourceProperties(
	'diallerCampaign',
	[get, getAll],
	'getAll',
);
