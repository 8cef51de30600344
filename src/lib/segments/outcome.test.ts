import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATE_STYLES_UNDERSTOOD } from '../core/dates';
import { clvFitsAt } from './clvForecast';
import type { SegmentsArtifact } from './artifact';
import { jobModelOf } from './job';
import { noCustomersFailure, segmentsResult, unreadableDatesMessage, type RunClvFits } from './outcome';
import { readInvoiceText } from './read';
import { generateInvoiceSample } from './sample';

describe('a file whose dates cannot be read', () => {
	it('is refused with the column, example values and the date styles understood', () => {
		const text = generateInvoiceSample({ customers: 20, seed: 3 }).text.replace(/\d{4}-\d{2}-(\d{2}) \d{2}:\d{2}:\d{2}/g, (_, d: string) => `${Number(d)}st of Decembre`);
		const read = readInvoiceText(text);
		if (!read.ok) throw new Error(read.failure.message);
		const table = read.aggregator.finish();
		expect(table.count).toBe(0);
		const failure = noCustomersFailure(read, table);
		expect(failure.message).toMatch(/^No customer with a purchase was left: The Invoice date column could not be read as dates \(for example "\d+st of Decembre"/);
		expect(failure.message).toContain(DATE_STYLES_UNDERSTOOD);
	});

	it('says nothing about dates when other problems are most of the list', () => {
		const issues = [
			{ row: 2, column: 'Quantity', reason: '"x" is not a number' },
			{ row: 3, column: 'Quantity', reason: '"y" is not a number' },
			{ row: 4, column: 'Invoice date', reason: '"z" is not a date (e.g. 2010-12-01)' }
		];
		expect(unreadableDatesMessage(issues, 'Invoice date')).toBeNull();
		expect(unreadableDatesMessage(issues.slice(2), 'Invoice date')).toBe(
			`The Invoice date column could not be read as dates (for example "z"). Dates understood: ${DATE_STYLES_UNDERSTOOD}.`
		);
	});
});

describe('segmentsResult with the forecast’s fits made apart (as the upload worker does on a reading thread)', () => {
	const artifact = JSON.parse(readFileSync(new URL('../../../model-artifacts/segments/model.json', import.meta.url), 'utf8')) as SegmentsArtifact;
	const model = jobModelOf(artifact);
	const file = { fileName: 'sample.csv', fileSize: 1 };

	it('gives the same result as in one go', async () => {
		const read = readInvoiceText(generateInvoiceSample({ customers: 200, seed: 3 }).text);
		if (!read.ok) throw new Error(read.failure.message);
		const table = read.aggregator.finish();
		let jobs = 0;
		// As a thread would: the job is copied (structured clone) and answered later.
		const apart: RunClvFits = async (days, cuts) => {
			jobs++;
			const copy = structuredClone({ days, cuts });
			await new Promise((resolve) => setTimeout(resolve, 1));
			return structuredClone(clvFitsAt(copy.days, copy.cuts));
		};
		const inLine = await segmentsResult(read, table, model, file);
		const withRunner = await segmentsResult(read, table, model, file, apart);
		expect(jobs).toBe(1);
		expect(withRunner.result.analysis.forecast).not.toBeNull();
		expect(withRunner.result).toEqual(inLine.result);
	});
});
