import type { Operation } from '../../../shared/description';
import { deleted } from '../../../shared/output';
import { contactUuid } from './fields';

export const del: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete contact',
	description: 'Delete a contact',
	routing: {
		// ChartMogul "Delete a Contact" (dev.chartmogul.com); 200 {} or 204 both accepted (unverified which one it sends); either way the output is { deleted: true }.
		request: { method: 'DELETE', url: '/contacts/{contactUuid}' },
		output: { postReceive: [deleted] },
	},
	fields: contactUuid,
};
