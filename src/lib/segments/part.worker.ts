/// <reference lib="webworker" />
/**
 * Reads one part of a large invoice file for the upload worker and sends back its aggregator state,
 * with the typed arrays transferred rather than copied: a part for the byte scan (byteRead.ts), or
 * the second half for the papaparse reader (parallel.ts). Once the file is read, it also fits the
 * forecast's models (clvForecast.ts) while the upload worker computes the rest of the analysis.
 */
import { clvFitsAt, type FitsAtCuts } from './clvForecast';
import type { PurchaseDays } from './purchaseDays';
import type { AggregatorState } from './features';
import { readBytePart, type BytePartOutcome, type BytePartSetup } from './byteRead';
import type { InvoiceHeaderSetup } from './read';
import { readPart, type PartOutcome } from './parallel';
import { warmUpReading } from './warmUp';

export type PartRequest =
	| { kind: 'text'; part: Blob; setup: InvoiceHeaderSetup }
	| { kind: 'bytes'; part: Blob; setup: BytePartSetup }
	| { kind: 'clv-fits'; days: PurchaseDays; cuts: number[] };
export type PartMessage =
	| { type: 'progress'; bytesRead: number }
	| { type: 'done'; kind: 'clv-fits'; outcome: FitsAtCuts | { failed: string } }
	| { type: 'done'; kind: 'text'; outcome: PartOutcome }
	| { type: 'done'; kind: 'bytes'; outcome: BytePartOutcome };

const scope = self as unknown as DedicatedWorkerGlobalScope;

function buffers(s: AggregatorState): Transferable[] {
	return [s.lineCustomer.buffer, s.lineInvoice.buffer, s.lineProduct.buffer, s.lineRow.buffer, s.lineQuantity.buffer, s.lineValue.buffer, s.lineDate.buffer];
}

// Compile the byte scan's code while the page is idle (warmUp.ts), stopping when a part comes; a
// warm-up that fails costs nothing more.
let requested = false;
void warmUpReading({ stop: () => requested }).catch(() => {});

const internal = (error: unknown) => (error instanceof Error ? error.message : String(error));

scope.onmessage = async (event: MessageEvent<PartRequest>) => {
	requested = true;
	const request = event.data;
	let lastPost = 0;
	const onProgress = (bytesRead: number) => {
		const now = performance.now();
		if (now - lastPost < 50) return;
		lastPost = now;
		scope.postMessage({ type: 'progress', bytesRead } satisfies PartMessage);
	};
	if (request.kind === 'clv-fits') {
		let outcome: FitsAtCuts | { failed: string };
		try {
			outcome = clvFitsAt(request.days, request.cuts);
		} catch (error) {
			outcome = { failed: internal(error) };
		}
		scope.postMessage({ type: 'done', kind: 'clv-fits', outcome } satisfies PartMessage);
		return;
	}
	if (request.kind === 'bytes') {
		let outcome: BytePartOutcome;
		try {
			outcome = await readBytePart(request.part, request.setup, onProgress);
		} catch (error) {
			outcome = { ok: false, why: `an error in a reading thread (${internal(error)})`, cutInQuotes: false };
		}
		scope.postMessage({ type: 'done', kind: 'bytes', outcome } satisfies PartMessage, outcome.ok ? buffers(outcome.state) : []);
		return;
	}
	let outcome: PartOutcome;
	try {
		outcome = await readPart(request.part, request.setup, onProgress);
	} catch (error) {
		outcome = { ok: false, failure: { kind: 'internal', message: internal(error) } };
	}
	scope.postMessage({ type: 'done', kind: 'text', outcome } satisfies PartMessage, outcome.ok ? buffers(outcome.state) : []);
};
