'use strict';
/**
 * Preloaded into every n8n process of the e2e suite (NODE_OPTIONS=--require): host names listed in
 * CONTACT_SUITE_E2E_HOSTS resolve to 127.0.0.1, where the fake vendors listen; `localhost` resolves as usual;
 * every other name fails, so nothing can reach a real vendor (or anything else) by accident.
 * Entries are exact names or `*.suffix` (any depth).
 */
const dns = require('node:dns');

const patterns = String(process.env.CONTACT_SUITE_E2E_HOSTS || '')
	.split(',')
	.map((p) => p.trim().toLowerCase())
	.filter(Boolean);

function isFake(hostname) {
	const name = String(hostname).toLowerCase().replace(/\.$/, '');
	return patterns.some((p) => (p.startsWith('*.') ? name.endsWith(p.slice(1)) : name === p));
}
const isLocal = (hostname) => /^(localhost|127\.\d+\.\d+\.\d+|::1)$/i.test(String(hostname));

const originalLookup = dns.lookup;
const originalPromiseLookup = dns.promises.lookup;

function answer(options, all) {
	const family = typeof options === 'number' ? options : options && options.family;
	const address = family === 6 ? '::1' : '127.0.0.1';
	const fam = family === 6 ? 6 : 4;
	return all ? [{ address, family: fam }] : { address, family: fam };
}

function blocked(hostname) {
	const error = new Error(`getaddrinfo ENOTFOUND ${hostname} (blocked by the contact-suite e2e suite: not a fake vendor host)`);
	error.code = 'ENOTFOUND';
	error.hostname = hostname;
	return error;
}

dns.lookup = function lookup(hostname, options, callback) {
	if (typeof options === 'function') {
		callback = options;
		options = {};
	}
	if (isLocal(hostname)) return originalLookup.call(dns, hostname, options, callback);
	const all = Boolean(options && options.all);
	process.nextTick(() => {
		if (!isFake(hostname)) return callback(blocked(hostname));
		const result = answer(options, all);
		if (all) callback(null, result);
		else callback(null, result.address, result.family);
	});
	return {};
};

dns.promises.lookup = async function lookup(hostname, options = {}) {
	if (isLocal(hostname)) return originalPromiseLookup.call(dns.promises, hostname, options);
	if (!isFake(hostname)) throw blocked(hostname);
	return answer(options, Boolean(options && options.all));
};
