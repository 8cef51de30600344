/// <reference lib="webworker" />
/**
 * Reads the second half of a large invoice file for the upload worker (see parallel.ts), and sends
 * back its aggregator state, with the typed arrays transferred rather than copied.
 */
import type { InvoiceHeaderSetup } from './read';
import { readPart, type PartOutcome } from './parallel';

export type PartRequest = { part: Blob; setup: InvoiceHeaderSetup };
export type PartMessage = { type: 'progress'; bytesRead: number } | { type: 'done'; outcome: PartOutcome };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<PartRequest>) => {
	const { part, setup } = event.data;
	let lastPost = 0;
	let outcome: PartOutcome;
	try {
		outcome = await readPart(part, setup, (bytesRead) => {
			const now = performance.now();
			if (now - lastPost < 50) return;
			lastPost = now;
			scope.postMessage({ type: 'progress', bytesRead } satisfies PartMessage);
		});
	} catch (error) {
		outcome = { ok: false, failure: { kind: 'internal', message: error instanceof Error ? error.message : String(error) } };
	}
	const transfer: Transferable[] = [];
	if (outcome.ok) {
		const s = outcome.state;
		transfer.push(s.lineCustomer.buffer, s.lineInvoice.buffer, s.lineProduct.buffer, s.lineRow.buffer, s.lineQuantity.buffer, s.lineValue.buffer, s.lineDate.buffer);
	}
	scope.postMessage({ type: 'done', outcome } satisfies PartMessage, transfer);
};
