import type { IExecuteSingleFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	checkEmail,
	credentialNode,
	digits,
	emailAddress,
	hostLabel,
	httpBaseUrl,
	idSegment,
	pathSegment,
} from '../../nodes/shared/validators';

const source = { node: { name: 'Node' } as INode, parameter: 'Field', itemIndex: 2 };

describe('validators', () => {
	test.each([
		['cst-1', 'cst-1'],
		[' 42 ', '42'],
		[42, '42'],
		['../customers', '..%2Fcustomers'],
		['a/b?c#d', 'a%2Fb%3Fc%23d'],
	])('pathSegment(%j) → %j', (value, expected) => {
		expect(pathSegment(value, source)).toBe(expected);
	});

	test.each(['', '   ', '.', '..', undefined, null, {}])(
		'pathSegment refuses %j, naming the parameter',
		(value) => {
			expect(() => pathSegment(value, source)).toThrow(NodeOperationError);
			expect(() => pathSegment(value, source)).toThrow(/"Field"/);
		},
	);

	test.each([
		['cst-1', 'cst-1'],
		['con_1a2b-3c', 'con_1a2b-3c'],
		[' 42 ', '42'],
		['ada@example.com', 'ada%40example.com'],
	])('idSegment(%j) → %j', (value, expected) => {
		expect(idSegment(value, source)).toBe(expected);
	});

	test.each([
		['../customers', '"/"'],
		['a?b', '"?"'],
		['a#b', '"#"'],
		['a%2Fb', '"%"'],
		['a\\b', '"\\"'],
		['a b', 'a space'],
		['a\u0007b', 'a control character (tab, line break…)'],
		['a\tb', 'a control character (tab, line break…)'],
	])('idSegment refuses %j, saying it contains %s', (value, shown) => {
		expect(() => idSegment(value, source)).toThrow(
			`"Field" is not a valid ID: it contains ${shown}`,
		);
	});

	test.each(['', '..'])('idSegment refuses %j like pathSegment', (value) => {
		expect(() => idSegment(value, source)).toThrow(/"Field"/);
	});

	test('digits says an empty value is empty', () => {
		expect(() => digits('  ', source)).toThrow('"Field" is empty');
	});

	test.each(['acme', 'ACME-1', 'a', 'x'.repeat(63)])('hostLabel accepts %j', (value) => {
		expect(hostLabel(value, source)).toBe(String(value).toLowerCase());
	});

	test.each([
		'evil.example#',
		'a.b',
		'x/',
		'x@y',
		'',
		' ',
		'a b',
		'-a',
		'a-',
		'x'.repeat(64),
		'ex:80',
	])('hostLabel refuses %j', (value) => {
		expect(() => hostLabel(value, source)).toThrow(/not a valid host name part/);
	});

	test.each([
		['https://acd.example.com', 'https://acd.example.com'],
		['https://acd.example.com/', 'https://acd.example.com'],
		['http://10.0.0.5:8080/jtel/', 'http://10.0.0.5:8080/jtel'],
	])('httpBaseUrl(%j) → %j', (value, expected) => {
		expect(httpBaseUrl(value, source)).toBe(expected);
	});

	test.each([
		['ftp://x', /scheme "ftp"/],
		['https://u:p@host', /user name or password/],
		['https://host/#x', /fragment/],
		['https://host/?a=1', /query/],
		['not a url', /not a URL/],
		['', /not a URL/],
	])('httpBaseUrl refuses %j', (value, message) => {
		expect(() => httpBaseUrl(value, source)).toThrow(message);
	});

	test('digits and e-mail', () => {
		expect(digits('123', source)).toBe('123');
		expect(() => digits('12/../3', source)).toThrow(/digits only/);
		expect(emailAddress('a@b.co', source)).toBe('a@b.co');
		expect(() => emailAddress('a@b', source)).toThrow(/not a valid e-mail address/);
	});

	test('credentialNode: a validator error raised inside a credential names the credential', () => {
		const node = credentialNode('jtelApi', 'jtel credential');
		expect(node).toMatchObject({ type: 'jtelApi', name: 'jtel credential' });
		expect(() => digits('x', { node, parameter: 'Clients ID' })).toThrow(
			expect.objectContaining({ node: expect.objectContaining({ name: 'jtel credential' }) }),
		);
	});
});

describe('checkEmail', () => {
	const ctx = (parameter: unknown) =>
		({
			getNode: () => ({ name: 'Node' }),
			getItemIndex: () => 0,
			getNodeParameter: jest.fn(() => parameter),
		}) as unknown as IExecuteSingleFunctions & { getNodeParameter: jest.Mock };

	test('with sentAs, reads the routed body, not the parameter (each read of a mapped field is an evaluation)', () => {
		const item = ctx('ok@example.org');
		expect(() =>
			checkEmail('additionalFields.email', { optional: true, sentAs: 'data.email' })(item, {
				url: '/',
				body: { data: { email: 'not-an-address' } },
			}),
		).toThrow('"Email" is not a valid e-mail address');
		expect(item.getNodeParameter).not.toHaveBeenCalled();
	});

	test('without a routed value, reads the parameter (optional and empty passes)', () => {
		const item = ctx('');
		expect(() =>
			checkEmail('updateFields.email', { optional: true, sentAs: 'email' })(item, {
				url: '/',
				body: {},
			}),
		).not.toThrow();
		expect(item.getNodeParameter).toHaveBeenCalledWith('updateFields.email', '');
		expect(() => checkEmail('email')(ctx('bad'), undefined)).toThrow(
			'"Email" is not a valid e-mail address',
		);
	});
});
