'use strict';
/**
 * Active workflows in the running n8n (trigger nodes): activate through the REST API as the editor does, then
 * read the executions they started. Used by a vendor's `triggerWorkflows` (see vendors/README.md).
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

	/** Finished executions of a workflow, oldest first. */
	async function executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const res = await session.request('GET', `/rest/executions?filter=${filter}&limit=50`);
		const list = res.json?.data?.results;
		if (res.status !== 200 || !Array.isArray(list))
			throw new Error(`GET /rest/executions: ${res.status} ${res.text.slice(0, 300)}`);
		return list
			.filter((e) => e.finished || e.status === 'success' || e.status === 'error')
			.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** The json of the items a node output in one execution. */
	async function itemsOf(executionId, nodeName) {
		const res = await session.request('GET', `/rest/executions/${executionId}`);
		const execution = res.json?.data;
		if (res.status !== 200 || !execution)
			throw new Error(
				`GET /rest/executions/${executionId}: ${res.status} ${res.text.slice(0, 300)}`,
			);
		const data =
			typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data;
		const task = data?.resultData?.runData?.[nodeName]?.[0];
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

	/** Calls a production webhook URL with raw bytes. */
	async function callWebhook(urlPath, { method = 'POST', headers = {}, body }) {
		const res = await fetch(`${base}/webhook/${urlPath}`, { method, headers, body });
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
		executions,
		itemsOf,
		waitForExecutions,
		waitForWebhook,
		callWebhook,
		sleep,
	};
}

module.exports = { liveHelpers, sleep };
