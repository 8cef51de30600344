import { describe, expect, it } from 'vitest';
import type { CsvJobFailure, CsvJobResult } from '$lib/core/csv/types';
import {
	capitalised,
	failureProblems,
	fileSummary,
	heldAnnouncement,
	heldProblemsHeading,
	internalFailure,
	issueText,
	keptAnnouncement,
	missingNotInMessage,
	progressSummary,
	stillFrom,
	timingSummary,
	type FileJobResult
} from './uploadText';

const other: FileJobResult = { fileName: 'groups.csv', issues: [], issueCount: 3, ignoredColumns: [], missingOptional: [] };

function batch(totalRows: number, goodRows: number): CsvJobResult {
	return {
		...other,
		delimiter: ',',
		totalRows,
		goodRows,
		issueCount: totalRows - goodRows,
		matchedColumns: {},
		notes: [],
		usage: { rows: totalRows, usedRows: goodRows, complete: true },
		scored: { columns: [], rows: [] } as unknown as CsvJobResult['scored'],
		timings: { parseMs: 850, scoreMs: 2400 }
	};
}

function failure(message: string, more: Partial<CsvJobFailure> = {}): CsvJobFailure {
	return { kind: 'no-good-rows', message, ...more };
}

const issue = (row: number, column: string | null, reason: string) => ({ row, column, reason });

describe('the line on a finished file', () => {
	it('counts scored rows and rows with problems in a CSV batch', () => {
		expect(fileSummary(batch(1200, 1197))).toBe('1,197 rows scored, 3 rows with problems');
		expect(fileSummary(batch(1, 1))).toBe('1 row scored, 0 rows with problems');
		// More good rows than rows read never reads as a negative count.
		expect(fileSummary(batch(2, 5))).toBe('5 rows scored, 0 rows with problems');
	});

	it('counts problems for any other result', () => {
		expect(fileSummary(other)).toBe('3 problems');
		expect(fileSummary({ ...other, issueCount: 1 })).toBe('1 problem');
	});

	it('says where the time went for a CSV batch only', () => {
		expect(timingSummary(batch(1200, 1197))).toBe('1,200 rows read in 850 ms, scored in 2.4 s.');
		expect(timingSummary(other)).toBe('');
	});
});

describe('the progress bar', () => {
	it('says what is happening and how many rows so far', () => {
		expect(progressSummary(null)).toBe('Starting…');
		expect(progressSummary({ stage: 'parsing', fraction: 0.2, rowsRead: 12000 })).toBe('Reading the file… 12,000 rows');
		expect(progressSummary({ stage: 'scoring', fraction: 0.9, rowsRead: 12000 })).toBe('Scoring 12,000 rows…');
	});
});

describe('a problem by row, column and reason', () => {
	it('starts with the tool’s word for a row', () => {
		expect(capitalised('line')).toBe('Line');
		expect(issueText(issue(4, 'Price', 'not a number'), 'row')).toBe('Row 4, column Price: not a number');
		expect(issueText(issue(7, null, '3 fields, expected 5'), 'line')).toBe('Line 7: 3 fields, expected 5');
	});
});

describe('a file that could not be used', () => {
	it('turns a job that threw into a failure in words', () => {
		expect(internalFailure(new Error('boom'))).toEqual({ kind: 'internal', message: 'Something went wrong while reading the file (boom). Please try again.' });
		expect(internalFailure('lost').message).toContain('(lost)');
	});

	it('lists missing columns only when the message does not name them all', () => {
		expect(missingNotInMessage(failure('No columns.'))).toEqual([]);
		expect(missingNotInMessage(failure('Missing: Week, Units.', { missing: ['Week', 'Units'] }))).toEqual([]);
		expect(missingNotInMessage(failure('Missing: Week.', { missing: ['Week', 'Units'] }))).toEqual(['Week', 'Units']);
	});

	it('lists its problems unless the message already says the only one', () => {
		expect(failureProblems(failure('No rows.'))).toBeNull();
		expect(failureProblems(failure('Row 2: not a number.', { issues: [issue(2, 'Price', 'not a number')], issueCount: 1 }))).toBeNull();
		expect(failureProblems(failure('No rows.', { issues: [issue(2, 'Price', 'not a number')], issueCount: 1 }))?.heading).toBe('The problem:');
		const two = [issue(2, 'Price', 'not a number'), issue(3, null, 'empty')];
		expect(failureProblems(failure('No rows.', { issues: two, issueCount: 2 }))).toEqual({ heading: 'Problems by row (2 problems):', issues: two });
		expect(failureProblems(failure('No rows.', { issues: two, issueCount: 1500 }))?.heading).toBe('Problems by row (1,500 problems, the first 2 listed):');
		// A count lower than the list is never believed.
		expect(failureProblems(failure('No rows.', { issues: two }))?.heading).toBe('Problems by row (2 problems):');
	});
});

describe('a result held back, kept or stopped', () => {
	it('says so in words', () => {
		expect(heldProblemsHeading(1)).toBe('The problem:');
		expect(heldProblemsHeading(118)).toBe('The first of 118 problems:');
		expect(heldAnnouncement('a.csv', 'Only 2 of 68 rows could be used')).toBe('a.csv: Only 2 of 68 rows could be used. The result is not shown unless you ask for it.');
		expect(keptAnnouncement('good.csv')).toBe('Kept the results from good.csv.');
		expect(keptAnnouncement(undefined)).toBe('The file was not used.');
		expect(stillFrom('good.csv')).toBe('The results below are still from good.csv.');
	});
});
