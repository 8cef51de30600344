/**
 * Warming a reading thread's code before a file is chosen: a small generated invoice file (the
 * Online Retail layout, sample.ts) is read a few times by the byte scan (byteRead.ts, byteScan.ts)
 * and, on the thread that computes them, its customer features, so that the JavaScript engine has
 * compiled that code to machine code before the real file comes (a cold scan of the first few
 * megabytes runs in the interpreter). The reading threads start while the page is idle, so this
 * costs the person nothing when they take more than a moment to choose a file. The thread that
 * computes the Insiders' forecast warms that code too (`warmUpForecast`): computed once, cold, on
 * the whole Online Retail file it took more than twice as long as when its code had run before.
 * Pure, no DOM.
 */
import { insidersForecast } from './analysis';
import { readInvoiceBytes } from './byteRead';
import { generateInvoiceSample } from './sample';

export interface WarmUpOptions {
	rounds?: number;
	customers?: number;
	/** Also compute the generated file's customer features. */
	features?: boolean;
	/** Asked between steps: true stops the warm-up (a real file has come, and is not to wait for it). */
	stop?: () => boolean;
}

/** Read a generated file `rounds` times (and compute its features when `features`); returns the milliseconds taken. */
export async function warmUpReading(options: WarmUpOptions = {}): Promise<number> {
	const started = performance.now();
	const stop = options.stop ?? (() => false);
	// A task boundary first, so a request already waiting is seen before any work.
	await new Promise((resolve) => setTimeout(resolve, 0));
	if (stop()) return performance.now() - started;
	const { text } = generateInvoiceSample({ customers: options.customers ?? 60, seed: 1, customerIdDecimal: true });
	const blob = new Blob([text]);
	for (let round = 0; round < (options.rounds ?? 3) && !stop(); round++) {
		const read = await readInvoiceBytes(blob, {}, null, 1);
		if (read.ok && options.features && !stop()) read.result.aggregator.finish();
	}
	return performance.now() - started;
}

/** A task boundary, so that a request already waiting is seen (and can stop the warm-up) before more work. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Compute the Insiders' forecast (analysis.ts: backtests, and the BG/NBD and Gamma-Gamma fits at every
 * cut) `rounds` times for a generated file's frequent buyers; returns the milliseconds taken. Each
 * round is one task; `stop` is asked before the file is made and before each round.
 */
export async function warmUpForecast(options: WarmUpOptions = {}): Promise<number> {
	const started = performance.now();
	const stop = options.stop ?? (() => false);
	await nextTask();
	if (stop()) return performance.now() - started;
	const { text } = generateInvoiceSample({ customers: options.customers ?? 500, seed: 2 });
	const read = await readInvoiceBytes(new Blob([text]), {}, null, 1);
	if (!read.ok) return performance.now() - started;
	const table = read.result.aggregator.finish();
	const frequent: number[] = [];
	for (let i = 0; i < table.count; i++) if (table.features.invoices[i] >= 3) frequent.push(i);
	const insiders = Int32Array.from(frequent);
	for (let round = 0; round < (options.rounds ?? 4); round++) {
		await nextTask();
		if (stop()) break;
		insidersForecast(table, insiders);
	}
	return performance.now() - started;
}
