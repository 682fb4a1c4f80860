import type { INodeProperties } from 'n8n-workflow';

import { oneDefinitionPerName } from '../../nodes/shared/definitions';
import { packageNodes } from '../harness/engine';

const operation = (resource: string, values: string[]): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	displayOptions: { show: { resource: [resource] } },
	options: values.map((value) => ({ name: value, value })),
	default: values[0],
});

const field = (
	name: string,
	resource: string,
	op: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({
	displayName: name,
	name,
	type: 'string',
	default: '',
	...extra,
	displayOptions: {
		show: { ...(extra.displayOptions?.show ?? {}), resource: [resource], operation: [op] },
	},
});

const collection = (resource: string, op: string, names: string[]): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: names.map((name) => ({ displayName: name, name, type: 'string', default: '' })),
	displayOptions: { show: { resource: [resource], operation: [op] } },
});

test('the same field on several operations of a resource becomes one, shown for each of them', () => {
	const merged = oneDefinitionPerName([
		operation('contact', ['get', 'update', 'create']),
		field('contactId', 'contact', 'get'),
		field('contactId', 'contact', 'update'),
		field('name', 'contact', 'create'),
	]);
	expect(merged.map((p) => p.name)).toEqual(['operation', 'contactId', 'name']);
	expect(merged[1].displayOptions).toEqual({
		show: { resource: ['contact'], operation: ['get', 'update'] },
	});
});

test('fields that differ (a hint, a type, a version) stay apart', () => {
	const merged = oneDefinitionPerName([
		operation('contact', ['get', 'update']),
		field('contactId', 'contact', 'get', { description: 'The contact to read' }),
		field('contactId', 'contact', 'update', { description: 'The contact to change' }),
		field('id', 'contact', 'get', { displayOptions: { show: { '@version': [1] } } }),
		field('id', 'contact', 'update', { displayOptions: { show: { '@version': [2] } } }),
	]);
	expect(merged).toHaveLength(5);
});

test('no merge where one display rule would also show the field for another existing operation', () => {
	// contact × {get, create} and remark × {get, create} would include contact:create, which has no such field.
	const merged = oneDefinitionPerName([
		operation('contact', ['get', 'create']),
		operation('remark', ['create']),
		field('contactId', 'contact', 'get'),
		field('contactId', 'remark', 'create'),
	]);
	expect(merged.filter((p) => p.name === 'contactId')).toHaveLength(2);
	// remark:get does not exist, so contact × {get} and remark × {get} may be one rule.
	const across = oneDefinitionPerName([
		operation('contact', ['get', 'create']),
		operation('remark', ['get']),
		field('contactId', 'contact', 'get'),
		field('contactId', 'remark', 'get'),
	]);
	expect(across.filter((p) => p.name === 'contactId')).toEqual([
		expect.objectContaining({
			displayOptions: { show: { resource: ['contact', 'remark'], operation: ['get'] } },
		}),
	]);
});

test('collections that differ in options become one; an option not everywhere is shown where it was', () => {
	const merged = oneDefinitionPerName([
		operation('contact', ['create', 'upsert']),
		operation('note', ['create']),
		collection('contact', 'create', ['email', 'phone']),
		collection('contact', 'upsert', ['phone']),
		collection('note', 'create', ['author']),
	]);
	const fields = merged.filter((p) => p.name === 'additionalFields');
	expect(fields).toHaveLength(1);
	expect(fields[0].displayOptions).toEqual({
		show: { resource: ['contact', 'note'], operation: ['create', 'upsert'] },
	});
	expect(
		(fields[0].options as INodeProperties[]).map((o) => [o.name, o.displayOptions?.show]),
	).toEqual([
		['author', { '/resource': ['note'], '/operation': ['create'] }],
		['email', { '/resource': ['contact'], '/operation': ['create'] }],
		['phone', { '/resource': ['contact'], '/operation': ['create', 'upsert'] }],
	]);
});

test('an option defined differently in two collections keeps them apart', () => {
	const a = collection('contact', 'create', ['email']);
	const b = collection('contact', 'update', ['email']);
	(b.options as INodeProperties[])[0].description = 'Another hint';
	const merged = oneDefinitionPerName([operation('contact', ['create', 'update']), a, b]);
	expect(merged.filter((p) => p.name === 'additionalFields')).toHaveLength(2);
});

test('every operation keeps the order of its fields: a merge that would reorder one is not made', () => {
	const merged = oneDefinitionPerName([
		operation('contact', ['a', 'b']),
		field('first', 'contact', 'a'),
		field('second', 'contact', 'a'),
		field('second', 'contact', 'b'),
		field('first', 'contact', 'b'),
	]);
	const shown = (op: string) =>
		merged
			.filter((p) => (p.displayOptions?.show?.operation ?? [op]).includes(op))
			.map((p) => p.name);
	expect(shown('a')).toEqual(['operation', 'first', 'second']);
	expect(shown('b')).toEqual(['operation', 'second', 'first']);
	expect(merged).toHaveLength(4);
});

test.each(packageNodes().map(({ type, node }) => [type, node] as const))(
	'%s: each operation shows a parameter name once per node version',
	(_type, node) => {
		const properties = node.description.properties;
		const versions = [1, 2];
		for (const op of properties.filter((p) => p.name === 'operation'))
			for (const resource of (op.displayOptions?.show?.resource ?? []) as string[])
				for (const { value } of op.options as Array<{ value: string }>)
					for (const version of versions) {
						const names = properties
							.filter((p) => {
								const show = p.displayOptions?.show ?? {};
								const has = (list: unknown, v: unknown) =>
									!Array.isArray(list) ||
									list.some((x) =>
										typeof x === 'object' && x && '_cnd' in x
											? version >= (x as { _cnd: { gte: number } })._cnd.gte
											: x === v,
									);
								return (
									has(show.resource, resource) &&
									has(show.operation, value) &&
									has(show['@version'], version)
								);
							})
							.map((p) => p.name);
						expect(names.length).toBe(new Set(names).size);
					}
	},
);
