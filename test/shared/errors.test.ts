import { fixHint, redact, vendorMessage } from '../../nodes/shared/errors';

describe('vendorMessage reads every documented error shape', () => {
	test.each([
		[{ code: 401, message: 'No valid API key provided', param: null }, 'No valid API key provided'],
		[{ status: 404, error: 'Dialler campaign not found' }, 'Dialler campaign not found'],
		[{ error: true, message: 'Contact not found' }, 'Contact not found'],
		[{ error: { message: 'nested' } }, 'nested'],
		[
			{
				errors: [
					{
						title: 'Invalid',
						detail: 'email is invalid',
						source: { pointer: '/data/attributes/email' },
					},
				],
			},
			'email: email is invalid',
		],
		[{ errors: { email: ['has already been taken'] } }, 'email: has already been taken'],
		[{ email: ['is invalid'], error_details: ['Email is invalid'] }, 'Email is invalid'],
		[{ email: ['is invalid'] }, 'email: is invalid'],
		['Service Unavailable', 'Service Unavailable'],
		['{"message":"as text"}', 'as text'],
		['<html>502</html>', undefined],
		[{}, undefined],
		[undefined, undefined],
	])('%j → %j', (body, expected) => {
		expect(vendorMessage(body)).toBe(expected);
	});
});

describe('redact', () => {
	test('removes secrets and anything that looks like a credential header value', () => {
		expect(redact('key sk-123456 failed', ['sk-123456'])).toBe('key [redacted] failed');
		expect(redact('Authorization: Bearer abcdefghijklmnop', [])).toBe(
			'Authorization: Bearer [redacted]',
		);
	});
});

describe('fixHint', () => {
	const hints = { vendor: 'V', credentials: 'Check the key.' };
	test.each([
		[401, /refused the credentials.*Check the key\./],
		[403, /refused the credentials/],
		[404, /no record at this address/],
		[422, /rejected the data/],
		[429, /rate-limiting/],
		[500, /server error/],
	])('%i', (status, expected) => {
		expect(fixHint(status, hints, 'x')).toMatch(expected);
	});
});
