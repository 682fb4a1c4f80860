/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code, never published: it reads the workflow fixtures */
/**
 * Version-1 workflows run unchanged: one fixture per node (test/versions/v1/<node>.json) with parameters in the
 * shapes version 1 stored (ids as strings, jtel's Campaign By, Ticketmatic's Order By among the filters), run as
 * typeVersion 1 through n8n's engine; each must send the same request and output the full record (no Simplify).
 */
import fs from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import * as chartMogul from '../chartmogul/fixtures';
import { runNode } from '../harness/engine';
import { fakeApi, resetHttp } from '../harness/http';
import * as jtel from '../jtel/fixtures';
import * as quentn from '../quentn/fixtures';
import * as ticketmatic from '../ticketmatic/fixtures';
import * as ticketSource from '../ticketsource/fixtures';

afterEach(resetHttp);

interface Case {
	parameters: IDataObject;
	request: { method: string; path: string; query?: Record<string, string>; body?: unknown };
	reply?: unknown;
	status?: number;
	output: IDataObject[];
}

const HOSTS: Record<string, { host: string; credentials: Record<string, IDataObject> }> = {
	chartMogul: { host: chartMogul.HOST, credentials: chartMogul.credentials },
	jtel: { host: jtel.SERVER, credentials: jtel.credentials },
	quentn: { host: quentn.HOST, credentials: quentn.credentials },
	ticketmatic: { host: ticketmatic.HOST, credentials: ticketmatic.hmacCredentials },
	ticketSource: { host: ticketSource.BASE, credentials: ticketSource.credentials },
};

const DIR = path.join(__dirname, 'v1');
const fixtures = fs
	.readdirSync(DIR)
	.map(
		(file) =>
			JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as { node: string; cases: Case[] },
	);

test('there is a version-1 fixture for every node with a version 2', () => {
	expect(fixtures.map((fixture) => fixture.node).sort()).toEqual(Object.keys(HOSTS).sort());
});

describe.each(fixtures)('version-1 $node workflow', ({ node, cases }) => {
	test.each(cases.map((c) => [`${c.parameters.resource} ${c.parameters.operation}`, c] as const))(
		'%s runs as before',
		async (_name, c) => {
			const { host, credentials } = HOSTS[node];
			const api = fakeApi(host);
			api.scope
				.intercept(c.request.path, c.request.method)
				.query(true)
				.reply(c.status ?? 200, c.reply as object);

			const { output, error } = await runNode({
				type: node,
				typeVersion: 1,
				parameters: c.parameters,
				credentials: credentials as never,
			});

			expect(error).toBeUndefined();
			expect(api.requests).toHaveLength(1);
			expect(api.requests[0]).toMatchObject({ method: c.request.method, path: c.request.path });
			if (c.request.query) expect(api.requests[0].query).toMatchObject(c.request.query);
			if (c.request.body) expect(api.requests[0].body).toEqual(c.request.body);
			expect(output).toEqual(c.output.map((json) => ({ json, pairedItem: { item: 0 } })));
		},
	);
});
