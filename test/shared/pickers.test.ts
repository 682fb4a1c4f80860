import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { picker, pickerOptions } from '../../nodes/shared/pickers';

const records = [
	{ id: 3, name: 'VIP', isarchived: false, about: 'Very important' },
	{ id: 1, name: 'Press', isarchived: false, about: '' },
	{ id: 2, name: 'Old', isarchived: true },
	{ id: 4, name: '' },
	{ id: 1, name: 'Press (again)' },
	{ name: 'No id' },
];

describe('pickerOptions (the one filter/sort of every picker)', () => {
	test('names shown, values stored, sorted by name; empty names fall back to the value; each value once; no value, no entry', () => {
		expect(pickerOptions(records, { nameField: 'name', valueField: 'id' })).toEqual([
			{ name: '4', value: 4 },
			{ name: 'Old', value: 2 },
			{ name: 'Press', value: 1 },
			{ name: 'VIP', value: 3 },
		]);
	});

	test('include leaves records out; description is added only when the record has one', () => {
		const options = pickerOptions(records, {
			nameField: 'name',
			valueField: 'id',
			descriptionField: 'about',
			include: (r) => r.isarchived !== true,
		});
		expect(options).toEqual([
			{ name: '4', value: 4 },
			{ name: 'Press', value: 1 },
			{ name: 'VIP', value: 3, description: 'Very important' },
		]);
	});

	test('the search text matches a name in any case or a value', () => {
		expect(
			pickerOptions(records, { nameField: 'name', valueField: 'id' }, '  vi ').map((o) => o.name),
		).toEqual(['VIP']);
		expect(
			pickerOptions(records, { nameField: 'name', valueField: 'id' }, '2').map((o) => o.name),
		).toEqual(['Old']);
	});

	test('text values are trimmed and kept as text', () => {
		expect(
			pickerOptions([{ key: ' size ', caption: 'Size' }], {
				nameField: 'caption',
				valueField: 'key',
			}),
		).toEqual([{ name: 'Size', value: 'size' }]);
	});
});

describe('picker', () => {
	const ctx = {} as ILoadOptionsFunctions;
	const load = jest.fn(async () => records);
	const spec = picker({
		load,
		nameField: 'name',
		valueField: 'id',
		include: (r) => r.isarchived !== true,
	});

	test('options() and search() offer the same entries; search values are text and filtered', async () => {
		expect(await spec.options.call(ctx)).toEqual([
			{ name: '4', value: 4 },
			{ name: 'Press', value: 1 },
			{ name: 'VIP', value: 3 },
		]);
		expect(await spec.search.call(ctx, 'press')).toEqual({
			results: [{ name: 'Press', value: '1' }],
		});
		expect(load).toHaveBeenCalledWith(ctx);
	});
});
