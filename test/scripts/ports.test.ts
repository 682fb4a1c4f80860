/* eslint-disable @typescript-eslint/no-require-imports, @n8n/community-nodes/no-restricted-imports -- test code, never published: the helper is a plain Node script (scripts/lib/ports.js) that starts servers */
import { createServer, type Server } from 'node:net';

const { isFree, freePort, firstFreePort } = require('../../scripts/lib/ports.js') as {
	isFree: (port: number, host?: string) => Promise<boolean>;
	freePort: (host?: string) => Promise<number>;
	firstFreePort: (
		preferred: number,
		options?: { host?: string; tries?: number; skip?: number[] },
	) => Promise<number>;
};

/** Listens on host:port the way another n8n would, until closed. */
async function occupy(port: number, host = '0.0.0.0'): Promise<Server> {
	const server = createServer((socket) => socket.end());
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	return server;
}

const close = async (server: Server) =>
	await new Promise<void>((resolve) => server.close(() => resolve()));

/** A block of `size` consecutive free ports (so that the tests do not depend on what else runs on the machine). */
async function freeBlock(size: number): Promise<number> {
	for (;;) {
		const start = await freePort();
		if (start + size > 65535) continue;
		const all = await Promise.all(Array.from({ length: size }, (_, i) => isFree(start + i)));
		if (all.every(Boolean)) return start;
	}
}

describe('ports (npm start, e2e and bench runners)', () => {
	test('keeps the preferred port when it is free', async () => {
		const start = await freeBlock(3);
		expect(await firstFreePort(start)).toBe(start);
	});

	test('moves to the next free port when another process holds the preferred one (on any address)', async () => {
		const start = await freeBlock(3);
		const held = await occupy(start);
		try {
			expect(await isFree(start)).toBe(false);
			expect(await firstFreePort(start)).toBe(start + 1);
		} finally {
			await close(held);
		}
	});

	test('skips a port already promised to the editor (editor and task broker never share one)', async () => {
		const start = await freeBlock(3);
		const held = await occupy(start);
		try {
			const editor = await firstFreePort(start);
			expect(await firstFreePort(start + 1, { skip: [editor] })).toBe(start + 2);
		} finally {
			await close(held);
		}
	});

	test('falls back to any free port when all tried ports are taken', async () => {
		const start = await freeBlock(2);
		const held = [await occupy(start), await occupy(start + 1)];
		try {
			const port = await firstFreePort(start, { tries: 2 });
			expect([start, start + 1]).not.toContain(port);
			expect(await isFree(port)).toBe(true);
		} finally {
			await Promise.all(held.map(close));
		}
	});
});
