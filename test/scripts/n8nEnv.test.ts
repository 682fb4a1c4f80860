/* eslint-disable @typescript-eslint/no-require-imports, @n8n/community-nodes/no-restricted-globals -- test code, never published: the runtime helper is a plain Node script (scripts/lib/n8n-runtime.js) that reads process.env */
const { n8nEnv, runtimeFor } = require('../../scripts/lib/n8n-runtime.js') as {
	n8nEnv: (
		rt: unknown,
		userFolder: string,
		extra?: Record<string, string>,
	) => Record<string, string | undefined>;
	runtimeFor: (version: string) => unknown;
};

describe('environment for the pinned n8n (npm start, e2e, bench)', () => {
	test('2.41.1: no N8N_RUNNERS_ENABLED (n8n only warns it is deprecated) and no MCP registry fetch at start-up', () => {
		const env = n8nEnv(runtimeFor('2.41.1'), '/tmp/user');
		expect(env.N8N_RUNNERS_ENABLED).toBe(process.env.N8N_RUNNERS_ENABLED);
		expect(env.N8N_DISABLED_MODULES).toBe('mcp-registry');
	});

	test('2.8.4 gets no module list (a module name n8n does not know stops it from starting)', () => {
		expect(n8nEnv(runtimeFor('2.8.4'), '/tmp/user').N8N_DISABLED_MODULES).toBe(
			process.env.N8N_DISABLED_MODULES,
		);
	});
});
