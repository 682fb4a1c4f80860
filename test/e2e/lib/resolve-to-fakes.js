'use strict';
/**
 * Preloaded into every n8n process of the e2e suite (NODE_OPTIONS=--require): host names listed in
 * CONTACT_SUITE_E2E_HOSTS resolve to CONTACT_SUITE_E2E_ADDRESS (a 127.x.y.z address), where the fake vendors listen; `localhost` resolves as usual;
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

// Each run listens on its own loopback address, so two runs on one machine do not fight over port 443.
const fakeAddress = process.env.CONTACT_SUITE_E2E_ADDRESS || '127.0.0.1';

function answer(all) {
	return all ? [{ address: fakeAddress, family: 4 }] : { address: fakeAddress, family: 4 };
}

function blocked(hostname) {
	const error = new Error(
		`getaddrinfo ENOTFOUND ${hostname} (blocked by the contact-suite e2e suite: not a fake vendor host)`,
	);
	error.code = 'ENOTFOUND';
	error.hostname = hostname;
	return error;
}

// Optional (fault suite): append every name looked up to this file, one a line.
const lookupLog = process.env.CONTACT_SUITE_E2E_DNS_LOG;
function logLookup(hostname) {
	if (!lookupLog) return;
	try {
		require('node:fs').appendFileSync(lookupLog, `${String(hostname).toLowerCase()}\n`);
	} catch {
		// logging must never break a lookup
	}
}

dns.lookup = function lookup(hostname, options, callback) {
	logLookup(hostname);
	if (typeof options === 'function') {
		callback = options;
		options = {};
	}
	if (isLocal(hostname)) return originalLookup.call(dns, hostname, options, callback);
	const all = Boolean(options && options.all);
	process.nextTick(() => {
		if (!isFake(hostname)) return callback(blocked(hostname));
		const result = answer(all);
		if (all) callback(null, result);
		else callback(null, result.address, result.family);
	});
	return {};
};

dns.promises.lookup = async function lookup(hostname, options = {}) {
	logLookup(hostname);
	if (isLocal(hostname)) return originalPromiseLookup.call(dns.promises, hostname, options);
	if (!isFake(hostname)) throw blocked(hostname);
	return answer(Boolean(options && options.all));
};
