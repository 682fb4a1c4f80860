import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { singlePage } from '../../nodes/shared/paginators';
import { emptyOnNotFound, isNotFound } from '../../nodes/shared/transport';

const node: INode = {
	id: 'n',
	name: 'Node',
	type: 't',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const httpError = (status: string) =>
	new NodeApiError(node, { httpCode: status, message: 'x' }, { httpCode: status, message: 'x' });

describe('isNotFound / emptyOnNotFound', () => {
	test('only the vendor\'s HTTP 404 is "not found"', () => {
		expect(isNotFound(httpError('404'))).toBe(true);
		expect(isNotFound(httpError('401'))).toBe(false);
		expect(isNotFound(new NodeOperationError(node, '404'))).toBe(false);
		expect(isNotFound(new Error('404'))).toBe(false);
	});

	test('a list answered with 404 is empty; records and other errors pass through', async () => {
		const list = emptyOnNotFound(singlePage(''));
		await expect(list.collect(async () => await Promise.reject(httpError('404')))).resolves.toEqual(
			[],
		);
		await expect(list.collect(async () => [{ id: 1 }, { id: 2 }], 1)).resolves.toEqual([{ id: 1 }]);
		const failure = httpError('500');
		await expect(list.collect(async () => await Promise.reject(failure))).rejects.toBe(failure);
	});
});
