// Lint for the repository's own JavaScript: scripts/, bench/, test/e2e/ and the root config files. They run in
// Node on a developer's machine or in CI and are never published, so n8n's rules for node code do not apply;
// eslint.config.mjs stays exactly as `n8n-node cloud-support enable` writes it (n8n's strict mode checks that),
// and `npm run lint` runs both.
import js from '@eslint/js';
import globals from 'globals';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.n8n-*/**'] },
	{
		files: ['**/*.js', '**/*.cjs'],
		...js.configs.recommended,
		languageOptions: { ecmaVersion: 2023, sourceType: 'commonjs', globals: { ...globals.node } },
	},
	{
		files: ['**/*.mjs'],
		...js.configs.recommended,
		languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
	},
	{
		// The e2e fakes' own self-test runs under node:test, the benchmark replays under plain Node.
		files: ['test/e2e/**/*.js', 'bench/**/*.js', 'scripts/**/*.js'],
		rules: {
			'no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
			],
		},
	},
];
