import { runListSearch } from '../harness/engine';

describe('harness runListSearch', () => {
	test('names the node and method when the node has no such listSearch method', async () => {
		await expect(
			runListSearch({ type: 'ticketSource', method: 'noSuchMethod', credentials: {} }),
		).rejects.toThrow('Node ticketSource has no listSearch method "noSuchMethod"');
	});
});
