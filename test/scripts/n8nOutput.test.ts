/* eslint-disable @typescript-eslint/no-require-imports -- the filter is a plain Node script (scripts/lib/n8n-output.js) */
const { dropLines } = require('../../scripts/lib/n8n-output.js') as {
	dropLines: (drop?: RegExp[]) => (text: string) => string;
};

/** n8n 2.41.1's warning when Python 3 is missing (packages/cli/src/task-runners/errors/missing-requirements.error.ts). */
const PYTHON =
	'Failed to start Python task runner in internal mode. because Python 3 is missing from this system. Launching a Python runner in internal mode is intended only for debugging and is not recommended for production. Users are encouraged to deploy in external mode. See: https://docs.n8n.io/hosting/configuration/task-runners/#setting-up-external-mode';

describe('npm start output filter (scripts/lib/n8n-output.js)', () => {
	test('drops the Python task runner warning and keeps every other line in order', () => {
		const shown = dropLines();
		expect(
			shown(
				`Initializing n8n process\n${PYTHON}\nEditor is now accessible via:\nhttp://localhost:5680\n`,
			),
		).toBe('Initializing n8n process\nEditor is now accessible via:\nhttp://localhost:5680\n');
	});

	test('keeps a line split across chunks whole, and drops a warning split across chunks', () => {
		const shown = dropLines();
		const half = Math.floor(PYTHON.length / 2);
		expect(shown('Editor is now ')).toBe('');
		expect(shown(`accessible via:\n${PYTHON.slice(0, half)}`)).toBe(
			'Editor is now accessible via:\n',
		);
		expect(shown(`${PYTHON.slice(half)}\nhttp://localhost:5680\n`)).toBe('http://localhost:5680\n');
	});
});
