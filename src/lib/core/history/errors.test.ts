import { describe, expect, it } from 'vitest';
import { isQuotaError, storageProblem } from './errors';
import { HistoryError } from './types';

const domError = (name: string, message = 'x') => new DOMException(message, name);

describe('storageProblem', () => {
	it('recognises a full disk as each engine reports it', () => {
		expect(isQuotaError(domError('QuotaExceededError'))).toBe(true);
		expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' })).toBe(true);
		expect(isQuotaError({ name: 'Error', code: 1014, message: '' })).toBe(true);
		expect(isQuotaError(new Error('wrapped', { cause: domError('QuotaExceededError') }))).toBe(true);
		expect(isQuotaError(domError('AbortError'))).toBe(false);
		expect(isQuotaError(null)).toBe(false);
	});

	it('says what happened and what to do', () => {
		const quota = storageProblem(domError('QuotaExceededError'), 'Saving “March”');
		expect(quota.problem).toBe('quota');
		expect(quota.message).toBe(
			'Saving “March” failed: This device has no room left for saved runs. Delete runs you no longer need, or export them to a file first, then try again. What is on screen stays as it is.'
		);
		for (const name of ['InvalidStateError', 'SecurityError', 'UnknownError', 'NotAllowedError'])
			expect(storageProblem(domError(name), 'Saving').problem, name).toBe('unavailable');
		expect(storageProblem(domError('VersionError'), 'Reading').message).toMatch(/newer version of Storelens in another tab\. Reload this page/);
		const other = storageProblem(new Error('disk on fire'), 'Deleting');
		expect(other.problem).toBe('failed');
		expect(other.message).toBe('Deleting failed (disk on fire). Nothing on screen was lost; please try again.');
		const passed = new HistoryError('not-found', 'gone');
		expect(storageProblem(passed, 'Opening')).toBe(passed);
	});
});
