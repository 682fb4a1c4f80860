'use strict';
/**
 * A throw-away certificate authority and one server certificate for every fake vendor host, made with openssl
 * at test time. n8n trusts the CA through NODE_EXTRA_CA_CERTS, so its TLS checks stay on.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

function openssl(args, cwd) {
	execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function makeCertificates(dir, hosts) {
	fs.mkdirSync(dir, { recursive: true });
	const ext = [
		'basicConstraints=CA:FALSE',
		'keyUsage=digitalSignature,keyEncipherment',
		'extendedKeyUsage=serverAuth',
		`subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
	];
	fs.writeFileSync(path.join(dir, 'server.ext'), `${ext.join('\n')}\n`);
	openssl(
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'2',
			'-subj',
			'/CN=contact-suite e2e test CA',
			'-keyout',
			'ca.key',
			'-out',
			'ca.pem',
		],
		dir,
	);
	openssl(
		[
			'req',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-subj',
			`/CN=${hosts[0]}`,
			'-keyout',
			'server.key',
			'-out',
			'server.csr',
		],
		dir,
	);
	openssl(
		[
			'x509',
			'-req',
			'-in',
			'server.csr',
			'-CA',
			'ca.pem',
			'-CAkey',
			'ca.key',
			'-CAcreateserial',
			'-days',
			'2',
			'-extfile',
			'server.ext',
			'-out',
			'server.pem',
		],
		dir,
	);
	return {
		caFile: path.join(dir, 'ca.pem'),
		ca: fs.readFileSync(path.join(dir, 'ca.pem')),
		key: fs.readFileSync(path.join(dir, 'server.key')),
		cert: fs.readFileSync(path.join(dir, 'server.pem')),
	};
}

module.exports = { makeCertificates };
