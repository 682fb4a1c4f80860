'use strict';
/**
 * Reads one saved execution's run data straight from n8n's SQLite database (table `execution_data`, column `data`:
 * flatted JSON) into a file, with n8n's own sqlite3 module. The warm bench checks each run this way, in a process of
 * its own: loading a 100,000-item execution through n8n's REST API grows the server's heap by more than the run did
 * (to 1.7 GB), and that would be the history the next run's memory is measured on.
 *
 *   <n8n's node> bench/read-execution.js <n8n dir> <database.sqlite> <execution id> <out file>
 */
const fs = require('node:fs');

const [n8nDir, database, executionId, out] = process.argv.slice(2);
const sqlite3 = require(require.resolve('sqlite3', { paths: [n8nDir] }));
const db = new sqlite3.Database(database, sqlite3.OPEN_READONLY);
db.get(
	'SELECT data FROM execution_data WHERE executionId = ?',
	[Number(executionId)],
	(error, row) => {
		if (error || !row) {
			console.error(error ? error.message : `no run data for execution ${executionId}`);
			process.exitCode = 1;
		} else fs.writeFileSync(out, row.data);
		db.close();
	},
);
