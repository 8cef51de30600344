/**
 * Warming a reading thread's code before a file is chosen: a small generated invoice file (the
 * Online Retail layout, sample.ts) is read a few times by the byte scan (byteRead.ts, byteScan.ts)
 * and, on the thread that computes them, its customer features, so that the JavaScript engine has
 * compiled that code to machine code before the real file comes (a cold scan of the first few
 * megabytes runs in the interpreter). The reading threads start while the page is idle, so this
 * costs the person nothing when they take more than a moment to choose a file. Pure, no DOM.
 */
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

/**
 * Made-up lines of kinds the generated file lacks and real exports have (a description with a
 * non-ASCII character, a negative price adjustment), so that the code reading them has run before
 * the real file: code compiled without ever taking a branch is thrown away when the file takes it.
 */
const RARE_LINES = ['900001,VOUCHER10,GIFT VOUCHER £10.00,1,2011-01-05 10:00:00,8.51,,United Kingdom', '900002,B,PRICE ADJUSTMENT,1,2011-01-05 10:05:00,-100.5,,United Kingdom'];

/** Read a generated file `rounds` times (and compute its features when `features`); returns the milliseconds taken. */
export async function warmUpReading(options: WarmUpOptions = {}): Promise<number> {
	const started = performance.now();
	const stop = options.stop ?? (() => false);
	// A task boundary first, so a request already waiting is seen before any work.
	await new Promise((resolve) => setTimeout(resolve, 0));
	if (stop()) return performance.now() - started;
	const { text } = generateInvoiceSample({ customers: options.customers ?? 60, seed: 1, customerIdDecimal: true });
	const blob = new Blob([text.endsWith('\n') ? text : `${text}\n`, RARE_LINES.join('\n'), '\n']);
	for (let round = 0; round < (options.rounds ?? 3) && !stop(); round++) {
		const read = await readInvoiceBytes(blob, {}, null, 1);
		if (read.ok && options.features && !stop()) read.result.aggregator.finish();
	}
	return performance.now() - started;
}
