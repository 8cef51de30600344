/// <reference lib="webworker" />
/**
 * The group-file worker: reads a purchase log, a basket file or a group file off the page's main
 * thread, then recommends every member's top 10 with the shipped shopper model (fetched and
 * hash-checked here): src/lib/group-buy/fileJob.ts.
 */
import { loadArtifact } from '../core/artifact/load';
import { GROUP_BUY_TOOL, type ShopperArtifact } from './artifact';
import { groupFileJob } from './fileJob';
import type { GroupFileMessage, GroupFileRequest } from './job';
import { MAX_FILE_BYTES } from './upload';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: GroupFileMessage) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<GroupFileRequest>) => {
	if (event.data?.type !== 'start') return;
	run(event.data).catch((error: unknown) => post({ type: 'failed', message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` }));
};

async function run({ file, fileName, shopperUrl }: GroupFileRequest): Promise<void> {
	if (file.size > MAX_FILE_BYTES) {
		post({ type: 'failed', message: `The file is ${(file.size / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB. Split it into smaller files.` });
		return;
	}
	const artifact = loadArtifact<ShopperArtifact>(shopperUrl, { tool: GROUP_BUY_TOOL, modelId: 'shopper' });
	artifact.catch(() => {});
	post({ type: 'progress', progress: { stage: 'parsing', fraction: 0, rowsRead: 0 } });
	const outcome = await groupFileJob(file, fileName, artifact, (stage, fraction, rowsRead) => post({ type: 'progress', progress: { stage, fraction, rowsRead } }));
	post(outcome.ok ? { type: 'done', result: outcome.result } : { type: 'failed', message: outcome.message });
}
