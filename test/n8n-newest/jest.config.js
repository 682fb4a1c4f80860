/**
 * The engine tests against the newest n8n-core/n8n-workflow (this folder's own package.json and lockfile) instead
 * of the oldest supported ones in the repository's devDependencies. Same tests, same setup; only these packages
 * resolve to this folder.
 */
const path = require('node:path');
const base = require('../../jest.config.js');

const modules = path.join(__dirname, 'node_modules');
module.exports = {
	...base,
	rootDir: path.resolve(__dirname, '../..'),
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json') }],
	},
	globals: { engineManifest: 'test/n8n-newest/package.json' },
	moduleNameMapper: {
		'^(n8n-workflow|n8n-core|@n8n/di)$': `${modules}/$1`,
		'^(n8n-workflow|n8n-core|@n8n/di)/(.*)$': `${modules}/$1/$2`,
	},
};
