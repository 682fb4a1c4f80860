import { emailField, stringField } from '../../nodes/shared/fields';

describe('stringField', () => {
	test('a text parameter with an empty default; extra adds to it', () => {
		expect(stringField('City', 'city')).toEqual({
			displayName: 'City',
			name: 'city',
			type: 'string',
			default: '',
		});
		expect(stringField('Country', 'country', { placeholder: 'e.g. BE' })).toEqual({
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'e.g. BE',
		});
	});
});

describe('emailField', () => {
	test('the same e-mail parameter everywhere, with no key for an option left out', () => {
		const field = emailField();
		expect(field).toEqual({
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'e.g. name@email.com',
		});
		// definitions.ts merges same-named definitions only when they are identical: a `description: undefined`
		// key would make two otherwise equal e-mail fields differ.
		expect(Object.keys(emailField({ description: undefined, required: undefined }))).toEqual(
			Object.keys(field),
		);
	});

	test('names, description, required, hint and routing as given', () => {
		expect(
			emailField({
				displayName: 'Author Email',
				name: 'authorEmail',
				description: 'The author',
				required: true,
				hint: 'A hint',
				routing: { send: { type: 'body', property: 'author_email' } },
			}),
		).toEqual({
			displayName: 'Author Email',
			name: 'authorEmail',
			type: 'string',
			default: '',
			placeholder: 'e.g. name@email.com',
			description: 'The author',
			required: true,
			hint: 'A hint',
			routing: { send: { type: 'body', property: 'author_email' } },
		});
	});
});
