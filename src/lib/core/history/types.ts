/**
 * Saved runs: the work a person wants back (a GMV scenario, an upload's analysis, a batch of
 * predictions), kept in this browser's IndexedDB and never sent anywhere.
 */

/** What a list shows about a saved run: everything but the payload. */
export interface RunSummary {
	/** Unique, made on save (kept by export and import, so importing the same file twice adds nothing). */
	id: string;
	/** The tool's path, e.g. 'gmv', 'segments'. */
	tool: string;
	/** What sort of run, in the tool's terms: 'scenario', 'upload', 'batch', … */
	kind: string;
	/** The name the person sees and can change. */
	name: string;
	/** Milliseconds since 1970 (Date.now()) when it was saved. */
	savedAt: number;
	/** One short line for the list, e.g. "4,372 customers, 790 Insiders". */
	summary: string;
	/** The payload's approximate size in bytes (estimateSize), for the list and for quota messages. */
	size: number;
	/** The tool's version of the payload's shape, so a tool can refuse a payload it no longer reads. */
	payloadVersion: number;
}

/** A saved run with its payload: structured-clone data (typed arrays, Dates, Maps survive). */
export interface SavedRun<P = unknown> extends RunSummary {
	payload: P;
}

/** What a tool hands to `save`. */
export interface NewRun<P = unknown> {
	tool: string;
	kind: string;
	name: string;
	summary: string;
	payload: P;
	/** Defaults to 1. */
	payloadVersion?: number;
	/** Defaults to now. */
	savedAt?: number;
}

/** What importing a file did. */
export interface ImportReport {
	/** Runs added to this device, newest first. */
	added: RunSummary[];
	/** Runs in the file that this device already had (same id): left as they are. */
	duplicates: number;
	/** Runs in the file that could not be read, by their place in the file (1 = first). */
	rejected: { index: number; reason: string }[];
}

/**
 * Why an operation failed, for the message and for what the page does next:
 * - quota: the device's storage is full (nothing was written);
 * - unavailable: this browser will not keep data for the site (private window, storage turned off,
 *   a newer version of the database from another tab);
 * - blocked: another tab holds an older version of the database open;
 * - bad-file: an import file that is damaged or not a saved-runs file;
 * - not-found: the run is gone (deleted in another tab);
 * - invalid: a name or a run that cannot be saved as it is;
 * - failed: anything else.
 */
export type HistoryProblem = 'quota' | 'unavailable' | 'blocked' | 'bad-file' | 'not-found' | 'invalid' | 'failed';

/** A failed history operation, with a message a person can act on. */
export class HistoryError extends Error {
	constructor(
		readonly problem: HistoryProblem,
		message: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.name = 'HistoryError';
	}
}
