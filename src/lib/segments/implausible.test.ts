/**
 * The plausibility rules on the real Online Retail file (../shared/data or $STORELENS_DATA, outside
 * the repository; skipped with a note when absent): they leave every genuine line alone (still 790
 * Insiders), and three absurd lines added to the file (a date in 2099, a quantity × price that
 * overflows, a quantity of 1e300) are listed by row and reason and change nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignTable } from './clusters';
import type { SegmentsArtifact } from './artifact';
import { readInvoiceText } from './read';
import { realDataFile } from './testData';

const artifact = JSON.parse(readFileSync(new URL('../../../model-artifacts/segments/model.json', import.meta.url), 'utf8')) as SegmentsArtifact;
const dataPath = realDataFile('online-retail/online-retail.csv');
if (!dataPath) console.warn('implausible.test.ts: online-retail.csv not found in ../shared/data or $STORELENS_DATA; the real-file tests are skipped.');

function analyse(text: string) {
	const read = readInvoiceText(text);
	if (!read.ok) throw new Error(read.failure.message);
	const table = read.aggregator.finish();
	const cluster = assignTable(artifact, table).cluster;
	return { table, insiders: cluster.filter((c) => c === artifact.insiders).length };
}

describe.skipIf(!dataPath)('plausibility rules on the real Online Retail file (needs ../shared/data)', () => {
	const text = dataPath ? readFileSync(dataPath, 'utf8') : '';
	const rows = text.trimEnd().split('\n').length;

	it('leave every genuine line alone: 790 Insiders, nothing implausible', () => {
		const { table, insiders } = analyse(text);
		expect(table.report.implausible).toEqual({ overflow: 0, date: 0, outlier: 0 });
		expect(insiders).toBe(790);
		expect(table.count).toBe(5696);
	}, 120_000);

	it('list a line dated 2099, one whose value overflows and one of quantity 1e300, and still find 790 Insiders', () => {
		const added = [
			'581588,22086,PAPER CHAIN KIT 50S CHRISTMAS,6,2099-12-09 12:00:00,2.95,17850.0,United Kingdom',
			'581589,22086,PAPER CHAIN KIT 50S CHRISTMAS,1e200,2011-12-09 12:00:00,1e200,17850.0,United Kingdom',
			'581590,22086,PAPER CHAIN KIT 50S CHRISTMAS,1e300,2011-12-09 12:00:00,2.95,17850.0,United Kingdom'
		];
		const { table, insiders } = analyse(text.trimEnd() + '\n' + added.join('\n') + '\n');
		expect(insiders).toBe(790);
		expect(table.count).toBe(5696);
		expect(table.lastDate).toBe(Date.UTC(2011, 11, 9, 12, 50));
		expect(table.report.implausible).toEqual({ overflow: 1, date: 1, outlier: 1 });
		const listed = table.issues.filter((i) => i.row > rows);
		expect(listed).toEqual([
			{ row: rows + 1, column: 'Invoice date', reason: expect.stringMatching(/^2099-12-09 is far outside the file's dates \(most of the file's dates lie between 2010-12-\d\d and 2011-12-\d\d/) },
			{ row: rows + 2, column: 'Quantity × Unit price', reason: 'the line value is too large to compute with (the result overflows)' },
			{ row: rows + 3, column: 'Quantity', reason: expect.stringMatching(/^is implausibly large: at least 1,000,000,000,000,000/) }
		]);
	}, 120_000);
});
