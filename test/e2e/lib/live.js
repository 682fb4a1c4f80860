'use strict';
/**
 * Active workflows in the running n8n (trigger nodes, webhooks): activate through the REST API as the editor does,
 * call their webhooks, then read the executions they started. Used by a vendor's `triggerWorkflows` (see
 * vendors/README.md), by the queue-mode suite (queue.js) and by the bench's warm runs.
 */
const path = require('node:path');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function liveHelpers({ session, base, rt }) {
	// n8n's own copy of flatted: the format it stores run data in.
	const flatted = require(
		require.resolve('flatted', { paths: [path.join(rt.dir, 'node_modules', 'n8n')] }),
	);

	async function activate(workflowId) {
		const current = await session.request('GET', `/rest/workflows/${workflowId}`);
		const versionId = current.json?.data?.versionId;
		const res = await session.request('POST', `/rest/workflows/${workflowId}/activate`, {
			versionId,
		});
		if (res.status !== 200)
			throw new Error(`activating ${workflowId} failed: ${res.status} ${res.text.slice(0, 500)}`);
	}

	async function deactivate(workflowId) {
		await session.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}

	/** Executions of a workflow as n8n lists them (newest first), finished or not. */
	async function listExecutions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const res = await session.request('GET', `/rest/executions?filter=${filter}&limit=50`);
		const list = res.json?.data?.results;
		if (res.status !== 200 || !Array.isArray(list))
			throw new Error(`GET /rest/executions: ${res.status} ${res.text.slice(0, 300)}`);
		return list;
	}

	/** Finished executions of a workflow, oldest first. */
	async function executions(workflowId) {
		return (await listExecutions(workflowId))
			.filter((e) => e.finished || e.status === 'success' || e.status === 'error')
			.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** One execution and its run data, as the editor loads it (GET /rest/executions/:id; `data` is flatted JSON). */
	async function execution(executionId) {
		const res = await session.request('GET', `/rest/executions/${executionId}`);
		const found = res.json?.data;
		if (res.status !== 200 || !found)
			throw new Error(
				`GET /rest/executions/${executionId}: ${res.status} ${res.text.slice(0, 300)}`,
			);
		const data = typeof found.data === 'string' ? flatted.parse(found.data) : found.data;
		return { execution: found, run: { data } };
	}

	/** The json of the items a node output in one execution. */
	async function itemsOf(executionId, nodeName) {
		const { run } = await execution(executionId);
		const task = run.data?.resultData?.runData?.[nodeName]?.[0];
		return (task?.data?.main?.[0] ?? []).map((item) => item.json);
	}

	/** Waits until the workflow has `count` finished executions (or the time is up); returns them. */
	async function waitForExecutions(workflowId, count, timeoutMs) {
		const deadline = Date.now() + timeoutMs;
		let list = await executions(workflowId);
		while (list.length < count && Date.now() < deadline) {
			await sleep(1000);
			list = await executions(workflowId);
		}
		return list;
	}

	/**
	 * Calls a production webhook URL with raw bytes, on a connection of its own: a kept-alive one may be closed by n8n
	 * (after its 5 s keep-alive timeout) just as the call reuses it, when this process was busy past undici's own
	 * timeout (parsing a 100,000-item execution), and the call then fails with "other side closed".
	 */
	async function callWebhook(urlPath, { method = 'POST', headers = {}, body }) {
		const res = await fetch(`${base}/webhook/${urlPath}`, {
			method,
			headers: { connection: 'close', ...headers },
			body,
		});
		return { status: res.status, text: await res.text() };
	}

	/**
	 * n8n registers an activated workflow's webhooks a moment after the activation call returns: repeats a call
	 * that starts nothing (the caller picks one, e.g. an unsigned call the node refuses) until it stops answering 404.
	 */
	async function waitForWebhook(urlPath, call, timeoutMs = 15_000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const answer = await callWebhook(urlPath, call);
			if (answer.status !== 404) return answer;
			if (Date.now() > deadline)
				throw new Error(`webhook ${urlPath} still not registered after ${timeoutMs / 1000} s`);
			await sleep(500);
		}
	}

	return {
		activate,
		deactivate,
		listExecutions,
		executions,
		execution,
		itemsOf,
		waitForExecutions,
		waitForWebhook,
		callWebhook,
		sleep,
	};
}

module.exports = { liveHelpers, sleep };
