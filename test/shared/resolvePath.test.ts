import type { IExecuteSingleFunctions, INode } from 'n8n-workflow';

import { idList, resolvePath } from '../../nodes/shared/validators';

/** The three calls resolvePath makes on n8n's item context. */
function itemContext(parameters: Record<string, unknown>): IExecuteSingleFunctions {
	return {
		getNode: () => ({ name: 'Node' }) as INode,
		getItemIndex: () => 3,
		getNodeParameter: (name: string) => parameters[name],
	} as unknown as IExecuteSingleFunctions;
}

describe('resolvePath', () => {
	test('an ID by default: encoded as one segment, a path in it refused with the field named', () => {
		expect(
			resolvePath(
				itemContext({ customerId: 'cst-1', noteId: 'n@1' }),
				'/customers/{customerId}/notes/{noteId}',
			),
		).toBe('/customers/cst-1/notes/n%401');
		expect(() =>
			resolvePath(itemContext({ customerId: 'cst-1/notes' }), '/customers/{customerId}'),
		).toThrow('"Customer ID" is not a valid ID: it contains "/"');
	});

	test('pathValues choose the check per placeholder, with a default', () => {
		const policy = { default: 'digits', termId: 'name', email: 'email' } as const;
		expect(resolvePath(itemContext({ contactId: '42' }), '/contact/{contactId}', policy)).toBe(
			'/contact/42',
		);
		expect(() =>
			resolvePath(itemContext({ contactId: '42abc' }), '/contact/{contactId}', policy),
		).toThrow('"Contact ID" must be a number made of digits only');
		expect(resolvePath(itemContext({ termId: 'VIP/Gold' }), '/terms/{termId}', policy)).toBe(
			'/terms/VIP%2FGold',
		);
		expect(resolvePath(itemContext({ email: 'a+b@example.com' }), '/contact/{email}', policy)).toBe(
			'/contact/a%2Bb%40example.com',
		);
		expect(() => resolvePath(itemContext({ email: 'a/b' }), '/contact/{email}', policy)).toThrow(
			'"Email" is not a valid e-mail address',
		);
	});
});

describe('idList (Quentn term and comment ids, Ticketmatic relation type ids)', () => {
	test('a picker list, a number, or typed text with commas: trimmed, empty entries dropped', () => {
		expect(idList([12, '13'])).toEqual(['12', '13']);
		expect(idList(7)).toEqual(['7']);
		expect(idList(' 4, 5,,6 ')).toEqual(['4', '5', '6']);
		expect(idList(['1,2', 3])).toEqual(['1', '2', '3']);
		expect(idList('')).toEqual([]);
		expect(idList(undefined)).toEqual([]);
	});
});
