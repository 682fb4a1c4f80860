/** Unit and engine-backed node tests. The end-to-end suite (test/e2e) has its own runner. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	// The second dependency set (test/n8n-newest, run by scripts/test-n8n-newest.js): nothing there is a test or a module of ours.
	modulePathIgnorePatterns: ['<rootDir>/test/n8n-newest/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	setupFilesAfterEnv: ['<rootDir>/test/harness/setup.js'],
	testTimeout: 60_000,
};
