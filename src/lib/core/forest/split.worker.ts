/// <reference lib="webworker" />
/** The helper thread of a split forest (split.ts): ranks the forest, then walks the rows it is sent. */
import { serveForestSplit, type SplitReply, type SplitRequest } from './split';

serveForestSplit(
	self as unknown as { onmessage: ((event: MessageEvent<SplitRequest>) => void) | null; postMessage(message: SplitReply, transfer?: Transferable[]): void }
);
