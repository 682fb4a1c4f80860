/** Unit and engine-backed node tests. The end-to-end suite (test/e2e) has its own runner. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	testTimeout: 60_000,
	// n8n-core leaves a timer running after a workflow execution; the tests themselves wait for every run.
	forceExit: true,
};
