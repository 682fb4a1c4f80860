/** Unit and engine-backed node tests. The end-to-end suite (test/e2e) has its own runner. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	setupFilesAfterEnv: ['<rootDir>/test/harness/setup.js'],
	testTimeout: 60_000,
};
