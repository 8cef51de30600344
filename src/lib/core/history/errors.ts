/**
 * Storage errors, as browsers raise them, turned into a HistoryError with a message that says what
 * happened and what to do. Browsers differ: a full disk is a DOMException named
 * 'QuotaExceededError' in Chromium and Safari (legacy codes 22 and 1014 in older engines,
 * 'NS_ERROR_DOM_QUOTA_REACHED' in old Firefox), and often arrives as the transaction's error after an
 * 'AbortError'. Storage turned off or a private window shows up as 'InvalidStateError',
 * 'SecurityError', 'NotAllowedError' or 'UnknownError' (Safari's "connection lost").
 */
import { HistoryError } from './types';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const QUOTA_CODES = new Set([22, 1014]);
const UNAVAILABLE_NAMES = new Set(['InvalidStateError', 'SecurityError', 'NotAllowedError', 'UnknownError', 'NotSupportedError']);

function named(error: unknown): { name: string; code: number; message: string } | null {
	if (typeof error !== 'object' || error === null) return null;
	const e = error as { name?: unknown; code?: unknown; message?: unknown };
	return {
		name: typeof e.name === 'string' ? e.name : '',
		code: typeof e.code === 'number' ? e.code : 0,
		message: typeof e.message === 'string' ? e.message : ''
	};
}

/** True for a "storage full" error from any engine, also when it is the cause of another error. */
export function isQuotaError(error: unknown): boolean {
	const e = named(error);
	if (!e) return false;
	if (QUOTA_NAMES.has(e.name) || (e.name !== 'AbortError' && QUOTA_CODES.has(e.code))) return true;
	return /quota/i.test(e.message) || isQuotaError((error as { cause?: unknown }).cause);
}

export const QUOTA_ADVICE =
	'This device has no room left for saved runs. Delete runs you no longer need, or export them to a file first, then try again. What is on screen stays as it is.';
export const UNAVAILABLE_ADVICE =
	'This browser is not keeping data for this site (a private window, or site storage turned off), so runs cannot be saved here. Everything else works; results stay on screen until you leave the page.';

/**
 * The HistoryError for an error raised while doing `action` (a phrase like "Saving “March upload”").
 * A HistoryError passes through unchanged.
 */
export function storageProblem(error: unknown, action: string): HistoryError {
	if (error instanceof HistoryError) return error;
	if (isQuotaError(error)) return new HistoryError('quota', `${action} failed: ${QUOTA_ADVICE}`, { cause: error });
	const e = named(error);
	if (e?.name === 'VersionError')
		return new HistoryError('unavailable', `${action} failed: saved runs were updated by a newer version of Storelens in another tab. Reload this page to use it.`, {
			cause: error
		});
	if (e && UNAVAILABLE_NAMES.has(e.name)) return new HistoryError('unavailable', `${action} failed: ${UNAVAILABLE_ADVICE}`, { cause: error });
	const detail = e?.message || String(error);
	return new HistoryError('failed', `${action} failed (${detail}). Nothing on screen was lost; please try again.`, { cause: error });
}
