/// <reference lib="webworker" />
/**
 * The group-file worker: reads a purchase log, a basket file or a group file off the page's main
 * thread (src/lib/group-buy/upload.ts), then recommends every member's top 10 with the shipped
 * shopper model (fetched and hash-checked here).
 */
import { loadArtifact } from '../core/artifact/load';
import { GROUP_BUY_TOOL, type ShopperArtifact } from './artifact';
import { recommendAll } from './batch';
import type { GroupFileMessage, GroupFileRequest } from './job';
import { shopperModel } from './model';
import { MAX_FILE_BYTES, readGroupFile } from './upload';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: GroupFileMessage) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<GroupFileRequest>) => {
	if (event.data?.type !== 'start') return;
	run(event.data).catch((error: unknown) => post({ type: 'failed', message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` }));
};

async function run({ file, fileName, shopperUrl }: GroupFileRequest): Promise<void> {
	const started = performance.now();
	if (file.size > MAX_FILE_BYTES) {
		post({ type: 'failed', message: `The file is ${(file.size / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB. Split it into smaller files.` });
		return;
	}
	const artifact = loadArtifact<ShopperArtifact>(shopperUrl, { tool: GROUP_BUY_TOOL, modelId: 'shopper' });
	artifact.catch(() => {});
	post({ type: 'progress', progress: { stage: 'parsing', fraction: 0, rowsRead: 0 } });
	const text = await file.text();
	const a = await artifact;
	const outcome = readGroupFile(text, fileName, a.items, (fraction, lines) => post({ type: 'progress', progress: { stage: 'parsing', fraction: fraction * 0.8, rowsRead: lines } }));
	if (!outcome.ok) {
		post({ type: 'failed', message: outcome.message });
		return;
	}
	const readMs = performance.now() - started;
	post({ type: 'progress', progress: { stage: 'scoring', fraction: 0.8, rowsRead: outcome.read.linesRead } });
	const t = performance.now();
	const recommendations = outcome.read.members.length ? recommendAll(shopperModel(a), a, outcome.read.members) : [];
	post({ type: 'done', result: { ...outcome.read, recommendations, timings: { readMs, recommendMs: performance.now() - t } } });
}
