import type { Operation } from '../../../shared/description';
import { noteUuid } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get note or call log',
	description: 'Retrieve a note or call log by UUID',
	routing: { request: { method: 'GET', url: '/customer_notes/{noteUuid}' } },
	fields: noteUuid,
};
