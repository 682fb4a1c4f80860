'use strict';
/** What `npm start` shows of n8n's own output: everything except lines a user of this package need not act on. */

/**
 * Lines dropped from n8n's output:
 * - the Python task runner warning: n8n 2.x tries to start a Python runner for the Code node and warns when
 *   Python 3 or its venv is missing (n8n packages/cli/src/task-runners/errors/missing-requirements.error.ts);
 *   these nodes never need Python.
 */
const UNNEEDED = [/Failed to start Python task runner in internal mode/];

/**
 * A filter for a stream of text chunks: returns the complete lines of what it has seen so far, minus the lines
 * that match one of `drop`; an unfinished line waits for the next chunk.
 */
function dropLines(drop = UNNEEDED) {
	let rest = '';
	return (text) => {
		const lines = (rest + text).split('\n');
		rest = lines.pop();
		return lines
			.filter((line) => !drop.some((pattern) => pattern.test(line)))
			.map((line) => `${line}\n`)
			.join('');
	};
}

module.exports = { UNNEEDED, dropLines };
