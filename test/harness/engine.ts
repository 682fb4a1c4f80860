/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- test code, never published: it loads the package's sources by the paths in package.json */
/**
 * Runs a workflow through n8n-core's real engine (WorkflowExecute → RoutingNode / execute), with our
 * nodes and credentials loaded the way n8n loads them: from package.json's "n8n" section.
 */
import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	RoutingNode,
	SupplyDataContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
// The function n8n-core gives an AI agent to call a tool node with (not in n8n-core's index).
import { makeHandleToolInvocation } from 'n8n-core/dist/execution-engine/node-execution-context/utils/get-input-connection-data';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsHelper,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodePropertyOptions,
	IPollFunctions,
	INodeType,
	INodeTypes,
	IRun,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
	IVersionedNodeType,
} from 'n8n-workflow';
import {
	createRunExecutionData,
	ICredentialsHelper as CredentialsHelperBase,
	Workflow,
} from 'n8n-workflow';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const PACKAGE = require(path.join(ROOT, 'package.json')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

/** dist/nodes/X/X.node.js → the TypeScript source, so tests run what `npm run build` compiles. */
function loadClass<T>(distPath: string): T {
	const source = path.join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const exported = require(source) as Record<string, new () => T>;
	const [Class] = Object.values(exported);
	return new Class();
}

const nodeTypes = new Map<string, INodeType>();
for (const file of PACKAGE.n8n.nodes) {
	const node = loadClass<INodeType>(file);
	nodeTypes.set(`${PACKAGE.name}.${node.description.name}`, node);
}
export const credentialTypes = new Map<string, ICredentialType>();
for (const file of PACKAGE.n8n.credentials) {
	const credential = loadClass<ICredentialType>(file);
	credentialTypes.set(credential.name, credential);
}

/** Every node of the package, by its type name without the package prefix ("ticketSource"). */
export function packageNodes(): Array<{ type: string; node: INodeType }> {
	return [...nodeTypes.entries()]
		.filter(([type]) => type.startsWith(`${PACKAGE.name}.`))
		.map(([type, node]) => ({ type: type.slice(PACKAGE.name.length + 1), node }));
}

/** The test's start node: emits the items it is given (like a Manual Trigger followed by a Code node). */
class TestInput implements INodeType {
	description = {
		displayName: 'Test Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits the given items',
		defaults: { name: 'Input' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}
nodeTypes.set('test.input', new TestInput());

/**
 * Loop Over Items, as n8n's SplitInBatches v3 behaves: output 0 ("done") gets every processed item once the
 * input is used up, output 1 ("loop") the next batch; what comes back from the loop is collected.
 */
class TestLoop implements INodeType {
	description = {
		displayName: 'Test Loop',
		name: 'testLoop',
		group: ['transform'],
		version: 1,
		description: 'Loop Over Items',
		defaults: { name: 'Loop' },
		inputs: ['main'],
		outputs: ['main', 'main'],
		properties: [{ displayName: 'Batch Size', name: 'batchSize', type: 'number', default: 10 }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const state = this.getContext('node') as {
			left?: INodeExecutionData[];
			done?: INodeExecutionData[];
		};
		const input = this.getInputData();
		if (state.left === undefined) {
			state.left = input.map((item, index) => ({ json: item.json, pairedItem: { item: index } }));
			state.done = [];
		} else {
			state.done!.push(...input);
		}
		const batch = state.left.splice(0, this.getNodeParameter('batchSize', 0) as number);
		if (batch.length === 0) return [state.done!, []];
		return [[], batch];
	}
}
nodeTypes.set('test.loop', new TestLoop());

const types: INodeTypes = {
	getByName: (type) => nodeTypes.get(type) as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type) => {
		const node = nodeTypes.get(type);
		if (!node) throw new Error(`Unknown node type ${type}`);
		return node;
	},
	getKnownTypes: () => ({}),
};

/** Applies a credential's `authenticate` exactly as n8n does: a function, or generic expressions. */
class CredentialsHelper extends CredentialsHelperBase {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const type = credentialTypes.get(typeName);
		const authenticate = type?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? workflow.expression.getSimpleParameterValue(
						node,
						value,
						'internal',
						{ $credentials: credentials },
						undefined,
						'',
					)
				: value;
		const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [outer, values] of Object.entries(authenticate.properties)) {
			options[outer] = { ...(options[outer] ?? {}) };
			for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
				options[outer][key] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	getParentTypes(): string[] {
		return [];
	}

	/** n8n 2.41+ asks before each credential read: a type with `restrictToSupportedNodes` only serves its own nodes. */
	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = credentialTypes.get(credentialType) as { restrictToSupportedNodes?: boolean };
		if (!type?.restrictToSupportedNodes) return true;
		const node = nodeTypes.get(nodeType);
		return node?.description.credentials?.some((c) => c.name === credentialType) ?? false;
	}

	/** How often a credential was read (n8n reads it from its database and decrypts it each time). */
	reads = 0;

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string) {
		this.reads++;
		if (!this.data[type]) throw new Error(`No test credentials of type ${type}`);
		return { ...this.data[type] };
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used in tests');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return [];
	}
}

export interface NodeRun {
	/** The node's main output (output 0). */
	output: INodeExecutionData[];
	/** The node's error output, when it has one (onError: continueErrorOutput). */
	errorOutput: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
	run: IRun;
	/** How many times the node ran (once per batch inside Loop Over Items). */
	nodeRuns?: number;
	/** How many times a credential was read during the run. */
	credentialReads: number;
}

export interface RunSpec {
	/** Node type without the package prefix, e.g. "ticketSource". */
	type: string;
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Input items (json); one empty item by default, as after a Manual Trigger. */
	items?: IDataObject[];
	onError?: INode['onError'];
	continueOnFail?: boolean;
	/** Run the node inside Loop Over Items with this batch size: the node runs once per batch. */
	loopBatchSize?: number;
	/** The node's typeVersion in the workflow; 1 unless given. */
	typeVersion?: number;
	/** The workflow's static data (triggers keep their state there); the same object across runs = one workflow. */
	staticData?: IDataObject;
	/** The workflow's time zone (Workflow settings → Timezone); n8n's default when not given. */
	timezone?: string;
}

let executionCounter = 0;

/** The Input → Node workflow of a spec, and the additional data n8n-core runs it with. */
function buildRun(spec: RunSpec) {
	const nodeType = `${PACKAGE.name}.${spec.type}`;
	const description = nodeTypes.get(nodeType)?.description;
	if (!description) throw new Error(`Node ${nodeType} is not in package.json's n8n section`);
	// The node gets a credential of each type the test gives (an optional one, such as a webhook's, may be left out).
	const credentials = Object.fromEntries(
		(description.credentials ?? [])
			.filter((c) => c.required !== false || spec.credentials[c.name])
			.map((c) => [c.name, { id: '1', name: `${c.name} account` }]),
	);
	const nodes: INode[] = [
		{
			id: 'input',
			name: 'Input',
			type: 'test.input',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(spec.items ?? [{}]) },
		},
		{
			id: 'node',
			name: 'Node',
			type: nodeType,
			typeVersion: spec.typeVersion ?? 1,
			position: [200, 0],
			parameters: spec.parameters as INode['parameters'],
			credentials,
			...(spec.onError ? { onError: spec.onError } : {}),
			...(spec.continueOnFail ? { continueOnFail: true } : {}),
		},
	];
	if (spec.loopBatchSize) {
		nodes.push({
			id: 'loop',
			name: 'Loop',
			type: 'test.loop',
			typeVersion: 1,
			position: [100, 0],
			parameters: { batchSize: spec.loopBatchSize },
		});
	}
	const to = (node: string) => ({ node, type: 'main' as const, index: 0 });
	const workflow = new Workflow({
		id: 'test',
		nodes,
		connections: spec.loopBatchSize
			? {
					Input: { main: [[to('Loop')]] },
					Loop: { main: [[], [to('Node')]] },
					Node: { main: [[to('Loop')]] },
				}
			: { Input: { main: [[to('Node')]] } },
		nodeTypes: types,
		active: false,
		settings: { executionOrder: 'v1', ...(spec.timezone ? { timezone: spec.timezone } : {}) },
		staticData: spec.staticData,
	});

	const executionId = `test-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflow as never);
	const additionalData = {
		hooks,
		executionId,
		credentialsHelper: new CredentialsHelper(spec.credentials) as unknown as ICredentialsHelper,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	return { nodes, workflow, hooks, additionalData };
}

/** Builds Input → Node, runs it with n8n-core's WorkflowExecute and returns the node's output. */
export async function runNode(spec: RunSpec): Promise<NodeRun> {
	const { nodes, workflow, hooks, additionalData } = buildRun(spec);
	// Resolved by n8n's last hook (n8n-workflow's createDeferredPromise did this until 2.41 removed it).
	const done = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', resolve));

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
		},
	});

	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await done;
	const credentialReads = (additionalData.credentialsHelper as unknown as CredentialsHelper).reads;
	if (spec.loopBatchSize) {
		// The Loop's last run hands every processed item to its "done" output.
		const loopRuns = run.data.resultData.runData.Loop ?? [];
		const last = loopRuns[loopRuns.length - 1]?.data?.main?.[0] ?? [];
		return {
			output: last as INodeExecutionData[],
			errorOutput: [],
			error: run.data.resultData.error as NodeRun['error'],
			run,
			nodeRuns: run.data.resultData.runData.Node?.length ?? 0,
			credentialReads,
		};
	}
	const taskData = run.data.resultData.runData.Node?.[0];
	const main = (taskData?.data?.main ?? []) as INodeExecutionData[][];
	return {
		output: main[0] ?? [],
		errorOutput: main[1] ?? [],
		error: (run.data.resultData.error ?? taskData?.error) as NodeRun['error'],
		run,
		credentialReads,
	};
}

export interface ToolRun {
	/** What the agent gets back: the JSON of the node's output items (n8n stringifies them for the model). */
	response?: IDataObject[];
	/** The error the agent gets when the call failed. */
	error?: Error & { description?: string };
}

/**
 * Runs the node the way n8n runs it as an AI agent's tool: n8n's NodeTypes gives a declarative node an
 * `execute` that runs RoutingNode (n8n packages/cli/src/node-types.ts, `shouldAssignExecuteMethod`), and the
 * agent calls it through n8n-core's `makeHandleToolInvocation`, which calls only `execute`: the node's
 * `customOperations` are never looked at. The tool's arguments are its one input item.
 */
export async function runAsTool(
	spec: RunSpec & { toolArgs?: IDataObject; abortSignal?: AbortSignal },
): Promise<ToolRun> {
	const { nodes, workflow, additionalData } = buildRun(spec);
	const node = nodes[1];
	const base = nodeTypes.get(node.type)!;
	const tool = Object.create(base) as INodeType;
	tool.execute = async function (this: IExecuteFunctions) {
		return (await new RoutingNode(this as never, tool).runNode()) ?? [];
	};
	const runExecutionData = createRunExecutionData({});
	const executeData = { node, data: { main: [[{ json: {} }]] }, source: null };
	const invoke = makeHandleToolInvocation(
		(runIndex: number) =>
			new SupplyDataContext(
				workflow,
				node,
				additionalData,
				'manual',
				runExecutionData,
				runIndex,
				[],
				{},
				'ai_tool',
				executeData,
				[],
				spec.abortSignal,
			),
		node,
		tool,
		runExecutionData,
	);
	try {
		const answer = (await invoke(spec.toolArgs ?? {})) as string;
		return { response: JSON.parse(answer) as IDataObject[] };
	} catch (error) {
		return { error: error as ToolRun['error'] };
	}
}

export interface ListSearchSpec {
	/** Node type without the package prefix, e.g. "chartMogul". */
	type: string;
	/** The name in the node's `methods.listSearch`. */
	method: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The node's current parameters, as the editor has them. */
	parameters?: IDataObject;
	filter?: string;
	paginationToken?: string;
	/** The node's type version; 1 unless given. */
	typeVersion?: number;
}

/**
 * Calls a node's `methods.listSearch[method]` the way the editor does: with n8n-core's LoadOptionsContext,
 * so its requests use the real credential `authenticate` (pickers, "From List" mode of a resource locator).
 */
export async function runListSearch(spec: ListSearchSpec): Promise<INodeListSearchResult> {
	const search = nodeTypes.get(`${PACKAGE.name}.${spec.type}`)?.methods?.listSearch?.[spec.method];
	if (!search) throw new Error(`Node ${spec.type} has no listSearch method "${spec.method}"`);
	const parameters = spec.parameters ?? {};
	const { workflow, additionalData } = buildRun({
		type: spec.type,
		parameters,
		credentials: spec.credentials,
		typeVersion: spec.typeVersion,
	});
	// The editor sends the node's current parameters with every list request (what getCurrentNodeParameter reads).
	additionalData.currentNodeParameters = parameters as INode['parameters'];
	const context = new LoadOptionsContext(workflow, workflow.getNode('Node')!, additionalData, '');
	return await search.call(context, spec.filter, spec.paginationToken);
}

/**
 * Calls a node's `methods.loadOptions[method]` the way the editor does for a dropdown (`loadOptionsMethod`):
 * with n8n-core's LoadOptionsContext, so its requests use the real credential `authenticate`.
 */
export async function runLoadOptions(
	spec: Omit<ListSearchSpec, 'filter' | 'paginationToken'>,
): Promise<INodePropertyOptions[]> {
	const load = nodeTypes.get(`${PACKAGE.name}.${spec.type}`)?.methods?.loadOptions?.[spec.method];
	if (!load) throw new Error(`Node ${spec.type} has no loadOptions method "${spec.method}"`);
	const { workflow, additionalData } = buildRun({
		type: spec.type,
		parameters: spec.parameters ?? {},
		credentials: spec.credentials,
	});
	const context = new LoadOptionsContext(workflow, workflow.getNode('Node')!, additionalData, '');
	return await load.call(context);
}

export interface PollSpec extends RunSpec {
	/** 'trigger' as in an active workflow, 'manual' as in the editor's test run. */
	mode?: WorkflowExecuteMode;
}

/**
 * One poll of a polling trigger, as n8n runs it: n8n-core's PollContext and TriggersAndPollers-style call of
 * the node's `poll`, with the workflow's static data kept in `spec.staticData` between polls.
 */
export async function runPoll(spec: PollSpec): Promise<INodeExecutionData[][] | null> {
	const { workflow, additionalData } = buildRun(spec);
	const node = workflow.getNode('Node')!;
	const nodeType = nodeTypes.get(node.type)!;
	if (!nodeType.poll) throw new Error(`${spec.type} has no poll function`);
	const mode = spec.mode ?? 'trigger';
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	return await nodeType.poll.call(context as unknown as IPollFunctions);
}

export interface WebhookCall {
	method: 'POST' | 'PUT' | 'DELETE' | 'GET';
	headers?: Record<string, string>;
	/** The body bytes as sent; `undefined` for none. */
	rawBody?: string | Buffer;
	/** n8n's parser hands over `readRawBody()` and fills `rawBody` only when asked (n8n 2.x body-parser). */
	lazyRawBody?: boolean;
}

export interface WebhookRun {
	result: IWebhookResponseData;
	/** What the node answered itself (when it did not leave the answer to n8n). */
	response: { status?: number; headers: Record<string, unknown>; body?: string };
}

/**
 * One call of a webhook trigger, as n8n's webhook helpers make it: n8n-core's WebhookContext with the request
 * and response objects, then the node's `webhook`.
 */
export async function runWebhook(spec: RunSpec, call: WebhookCall): Promise<WebhookRun> {
	const { workflow, additionalData } = buildRun(spec);
	const node = workflow.getNode('Node')!;
	const nodeType = nodeTypes.get(node.type)!;
	const description = nodeType.description.webhooks?.find((w) => w.httpMethod === call.method);
	if (!nodeType.webhook || !description)
		throw new Error(`${spec.type} has no ${call.method} webhook`);
	const raw = call.rawBody === undefined ? undefined : Buffer.from(call.rawBody);
	const headers = Object.fromEntries(
		Object.entries(call.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
	);
	const request: Record<string, unknown> = {
		method: call.method,
		headers,
		query: {},
		params: {},
		body: {},
	};
	if (call.lazyRawBody) {
		request.readRawBody = async () => {
			request.rawBody = raw;
		};
	} else {
		request.rawBody = raw;
	}
	const response: WebhookRun['response'] = { headers: {} };
	const httpResponse = {
		writeHead(status: number, headers?: Record<string, unknown>) {
			response.status = status;
			Object.assign(response.headers, headers ?? {});
			return httpResponse;
		},
		end(body?: string) {
			response.body = body;
			return httpResponse;
		},
	};
	const webhookData = {
		httpMethod: call.method,
		node: node.name,
		path: String(description.path),
		webhookDescription: description,
		workflowId: workflow.id,
	} as unknown as IWebhookData;
	const context = new WebhookContext(
		workflow,
		node,
		{
			...additionalData,
			httpRequest: request,
			httpResponse,
		} as unknown as IWorkflowExecuteAdditionalData,
		'webhook',
		webhookData,
		[],
		null,
	);
	const result = await nodeType.webhook.call(context);
	return { result, response };
}

/**
 * n8n-core's SSRF protection settings (`N8N_SSRF_PROTECTION_ENABLED` and the allow/block lists, @n8n/config
 * SsrfProtectionConfig, read by @n8n/backend-network's OutboundHttp on every request); undefined on an n8n-core
 * without it (2.8). Resolved from n8n-core's own dependencies, so it is the instance the engine uses.
 */
export function ssrfProtection(): { enabled: boolean } | undefined {
	const config = require(
		require.resolve('@n8n/config', { paths: [path.dirname(require.resolve('n8n-core'))] }),
	) as { SsrfProtectionConfig?: new () => { enabled: boolean } };
	if (!config.SsrfProtectionConfig) return undefined;
	const { Container } = require('@n8n/di') as { Container: { get<T>(type: new () => T): T } };
	return Container.get(config.SsrfProtectionConfig);
}
