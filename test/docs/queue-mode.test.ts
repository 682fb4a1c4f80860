/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- test code, never published: it reads docs/queue-mode.md */
/**
 * docs/queue-mode.md carries a docker compose file that cannot be run here (no Docker in CI): check its shape, so
 * that a copy-paste gives Redis, PostgreSQL, a main and workers with this package, and that it follows the package.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// js-yaml ships no types; this is the one function used (github.com/nodeca/js-yaml, README "load").
const { load } = require('js-yaml') as { load: (text: string) => unknown };

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
};
const doc = readFileSync(join(root, 'docs', 'queue-mode.md'), 'utf8');

type Service = {
	image?: string;
	command?: string;
	environment?: Record<string, unknown>;
	depends_on?: Record<string, { condition: string }>;
	healthcheck?: { test: string[] };
};

function composeFile(): { services: Record<string, Service>; volumes?: Record<string, unknown> } {
	const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
	expect(blocks).toHaveLength(1);
	return load(blocks[0]) as { services: Record<string, Service> };
}

describe('docs/queue-mode.md docker compose file', () => {
	const { services, volumes } = composeFile();
	const n8nServices = Object.entries(services).filter(([, s]) => s.image?.includes('n8nio/n8n'));
	const main = services.n8n;
	const worker = services['n8n-worker'];

	it('has Redis, PostgreSQL, one main and a worker service, on the same n8n image', () => {
		expect(Object.keys(services).sort()).toEqual(['n8n', 'n8n-worker', 'postgres', 'redis']);
		expect(services.redis.image).toMatch(/^redis:/);
		expect(services.postgres.image).toMatch(/^postgres:/);
		expect(main.image).toMatch(/^docker\.n8n\.io\/n8nio\/n8n:\d+\.\d+\.\d+$/);
		expect(worker.image).toBe(main.image);
		expect(main.command).toBeUndefined();
		expect(worker.command).toMatch(/^worker( |$)/);
	});

	it('puts every n8n process in queue mode on the shared database, Redis and encryption key', () => {
		expect(n8nServices).toHaveLength(2);
		for (const [, service] of n8nServices) {
			const env = service.environment ?? {};
			expect(env).toMatchObject({
				EXECUTIONS_MODE: 'queue',
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: 'postgres',
				QUEUE_BULL_REDIS_HOST: 'redis',
				N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
				N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			});
			expect(env.N8N_ENCRYPTION_KEY).toBe(main.environment?.N8N_ENCRYPTION_KEY);
			expect(env.N8N_ENCRYPTION_KEY).toMatch(/^\$\{N8N_ENCRYPTION_KEY/);
			expect(env.DB_POSTGRESDB_PASSWORD).toBe(services.postgres.environment?.POSTGRES_PASSWORD);
			expect(env.DB_POSTGRESDB_USER).toBe(services.postgres.environment?.POSTGRES_USER);
			expect(env.DB_POSTGRESDB_DATABASE).toBe(services.postgres.environment?.POSTGRES_DB);
		}
	});

	it('installs this package, at its current version, on the main from N8N_COMMUNITY_PACKAGES', () => {
		const env = main.environment ?? {};
		expect(env.N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV).toBe('true');
		expect(JSON.parse(String(env.N8N_COMMUNITY_PACKAGES))).toEqual([
			{ name: pkg.name, version: pkg.version },
		]);
		expect(doc).toContain(`${pkg.name}@${pkg.version}`);
	});

	it('has workers reinstall it from the database, started once the main is ready', () => {
		expect(worker.environment?.N8N_REINSTALL_MISSING_PACKAGES).toBe('true');
		expect(worker.environment?.N8N_COMMUNITY_PACKAGES).toBeUndefined();
		expect(worker.depends_on?.n8n).toEqual({ condition: 'service_healthy' });
		expect(main.healthcheck?.test.join(' ')).toContain('/healthz/readiness');
		for (const name of ['postgres', 'redis']) {
			expect(services[name].healthcheck).toBeDefined();
			expect(main.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
		}
	});

	it('gives docker compose only strings as environment values (it rejects booleans) and declares its volumes', () => {
		for (const service of Object.values(services)) {
			for (const value of Object.values(service.environment ?? {}))
				expect(typeof value).toBe('string');
		}
		const used = Object.values(services).flatMap((s) =>
			((s as { volumes?: string[] }).volumes ?? []).map((v) => v.split(':')[0]),
		);
		expect(Object.keys(volumes ?? {}).sort()).toEqual([...new Set(used)].sort());
	});
});
