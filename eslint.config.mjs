// The rule sets n8n's community-package scanner applies, plus TypeScript parsing for our sources.
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import jsoncParser from 'jsonc-eslint-parser';
import tseslint from 'typescript-eslint';

const legacy = () => ({ 'n8n-nodes-base': n8nNodesBase });

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.n8n-*/**', '**/*.js', '**/*.mjs'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		...communityNodes.configs.recommended,
		ignores: [],
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: legacy(),
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: legacy(),
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// The rule's own docs: "Only applicable to nodes in the main repository" (it wants a docs.n8n.io slug);
			// a community credential links to its own documentation URL, which @n8n/community-nodes checks.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: legacy(),
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two want the string 'main'; n8n 2's community scanner (@n8n/community-nodes/
			// node-connection-type-literal) wants NodeConnectionTypes.Main. The scanner wins.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];
