import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { simplify } from '../../nodes/shared/output';

/** What simplify reads of n8n's context: the node's version and the Simplify parameter. */
const context = (simplifyOn: boolean) =>
	({
		getNode: () => ({ typeVersion: 2 }),
		getNodeParameter: () => simplifyOn,
	}) as unknown as IExecuteSingleFunctions;

const response = {} as IN8nHttpFullResponse;

type Action = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;
const simplified = (fields: string[], on: boolean, items: INodeExecutionData[]) =>
	(simplify(fields) as Action).call(context(on), items, response);

describe('simplify', () => {
	test('cuts each record to the fields, in their order, in place: no second copy of a large list', async () => {
		const items: INodeExecutionData[] = [
			{
				json: { email: 'a@x.test', id: 1, addresses: [{ city: 'Gent' }] },
				pairedItem: { item: 0 },
			},
			{ json: { id: 2, notes: 'n' }, pairedItem: { item: 0 } },
		];
		const [first, second] = items;
		const out = await simplified(['id', 'email'], true, items);
		expect(out).toEqual([
			{ json: { id: 1, email: 'a@x.test' }, pairedItem: { item: 0 } },
			{ json: { id: 2 }, pairedItem: { item: 0 } },
		]);
		expect(Object.keys(out[0].json)).toEqual(['id', 'email']);
		expect(out[0]).toBe(first);
		expect(out[1]).toBe(second);
	});

	test('Simplify off: the records as they are', async () => {
		const items: INodeExecutionData[] = [{ json: { id: 1, notes: 'n' } }];
		expect(await simplified(['id'], false, items)).toEqual([{ json: { id: 1, notes: 'n' } }]);
	});
});
