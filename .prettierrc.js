// The formatting of n8n's community-node starter (@n8n/node-cli's template: .prettierrc.js).
// https://prettier.io/docs/en/options.html
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,
};
