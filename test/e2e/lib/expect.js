'use strict';
/**
 * Assertions on a workflow run, written the way a user reads the run in the editor: per node, the items it output.
 *
 *   outputs: {
 *     'Create customer': [{ id: /^cst-/, first_name: 'Ada' }],    // exactly one item, with at least these fields
 *     'List all customers': count(150),
 *     'Get customer': [{ id: sameAs('Create customer', 'id') }],
 *     'Delete customer': [exactly({ deleted: true })],
 *   }
 * Expected objects match when every key listed matches (deeply); a RegExp tests a string, a function gets
 * (value, run) and returns true or a message (`integer` is one), `absent` asserts a key is missing.
 */
const util = require('node:util');

const absent = Symbol('absent');
const EXACT = Symbol('exact');

const exactly = (value) => ({ [EXACT]: value });
const integer = (value) =>
	Number.isInteger(value) || `expected an integer, got ${util.inspect(value)}`;
const count = (n, each) => ({ count: n, each });
const sameAs = (nodeName, field) => {
	const check = (value, run) => {
		const other = run.items(nodeName)[0]?.[field];
		return value === other || `expected ${field} of "${nodeName}" (${util.inspect(other)})`;
	};
	return check;
};

function describe(expected) {
	if (expected === absent) return '<absent>';
	if (typeof expected === 'function') return '<check>';
	return util.inspect(expected, { depth: 4, breakLength: Infinity });
}

/** Returns a list of mismatch messages (empty when it matches). */
function match(actual, expected, run, where) {
	if (expected === absent)
		return actual === undefined ? [] : [`${where}: expected no value, got ${describe(actual)}`];
	if (typeof expected === 'function') {
		const verdict = expected(actual, run);
		return verdict === true
			? []
			: [`${where}: ${verdict === false ? `check failed on ${describe(actual)}` : verdict}`];
	}
	if (expected instanceof RegExp) {
		return typeof actual === 'string' && expected.test(actual)
			? []
			: [`${where}: expected ${expected}, got ${describe(actual)}`];
	}
	if (expected && typeof expected === 'object' && EXACT in expected) {
		return util.isDeepStrictEqual(actual, expected[EXACT])
			? []
			: [`${where}: expected exactly ${describe(expected[EXACT])}, got ${describe(actual)}`];
	}
	if (Array.isArray(expected)) {
		if (!Array.isArray(actual)) return [`${where}: expected a list, got ${describe(actual)}`];
		if (actual.length !== expected.length)
			return [
				`${where}: expected ${expected.length} item(s), got ${actual.length}: ${describe(actual)}`,
			];
		return expected.flatMap((e, i) => match(actual[i], e, run, `${where}[${i}]`));
	}
	if (expected && typeof expected === 'object') {
		if (!actual || typeof actual !== 'object')
			return [`${where}: expected an object, got ${describe(actual)}`];
		return Object.entries(expected).flatMap(([key, e]) =>
			match(actual[key], e, run, `${where}.${key}`),
		);
	}
	return Object.is(actual, expected)
		? []
		: [`${where}: expected ${describe(expected)}, got ${describe(actual)}`];
}

/** Checks one node's output (or its error output) against `[...]`, `count(n, each)` or `exactly([...])`. */
function checkNode(run, nodeName, expected, output = 'items') {
	if (!run.ran(nodeName)) return [`"${nodeName}" did not run`];
	const items = run[output](nodeName);
	const label = output === 'items' ? `"${nodeName}"` : `"${nodeName}" (error output)`;
	if (expected && typeof expected === 'object' && 'count' in expected && !Array.isArray(expected)) {
		const problems =
			items.length === expected.count
				? []
				: [`${label}: expected ${expected.count} items, got ${items.length}`];
		if (expected.each)
			items.forEach((item, i) =>
				problems.push(...match(item, expected.each, run, `${label}[${i}]`)),
			);
		return problems.slice(0, 5);
	}
	return match(items, expected, run, label);
}

module.exports = { absent, exactly, integer, count, sameAs, checkNode, match };
