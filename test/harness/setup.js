/* global afterAll */
// Jest setupFilesAfterEnv, so that `npm test` prints the test results and nothing else.

// n8n's logger (n8n-core → @n8n/backend-common, winston) would print the engine's log lines (an item's error,
// for one) between the results; tests read errors from the run data instead. "silent": N8N_LOG_LEVEL's values
// in @n8n/config (logging.config).
process.env.N8N_LOG_LEVEL = 'silent';

// n8n-core's SSHClientsManager, created through its DI container the first time a node runs, starts a 60-second
// cleanup interval that keeps Node running after the tests. Its onShutdown clears it, as n8n does when it stops
// (n8n-core: src/execution-engine/ssh-clients-manager.ts).
afterAll(() => {
	const { Container } = require('@n8n/di');
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
	Container.get(SSHClientsManager).onShutdown();
});
