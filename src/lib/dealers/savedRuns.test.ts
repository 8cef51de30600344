import { describe, expect, it } from 'vitest';
import type { SavedRun } from '../core/history';
import { generateNetwork } from './generator';
import { dealerFileFromRun, dealerFileRun } from './savedRuns';

const report = { totalRows: 37, issues: [{ row: 3, column: 'Visitors', reason: 'must be at least 0' }], issueCount: 1, ignoredColumns: [''], notes: [] };

function saved(payload: unknown, extra: Partial<SavedRun> = {}): SavedRun {
	const run = dealerFileRun('mine.csv', generateNetwork(3, 3).months, report, 3);
	return { ...run, payload, id: 'x', savedAt: 0, size: 1, payloadVersion: run.payloadVersion ?? 1, ...extra };
}

describe('dealer saved runs', () => {
	it('keeps a file’s table and intake report, and reads them back', () => {
		const table = generateNetwork(3, 3).months;
		const run = dealerFileRun('mine.csv', table, report, 3);
		expect(run).toMatchObject({ tool: 'dealers', kind: 'file', name: 'mine.csv', summary: '3 dealers, 36 dealer-months, 1 row kept out' });
		const back = dealerFileFromRun(saved(run.payload));
		expect(back?.table.bac).toEqual(table.bac);
		expect(back?.report).toEqual(report);
	});

	it('refuses a payload of another version, a damaged table or a month out of range', () => {
		const table = generateNetwork(3, 3).months;
		expect(dealerFileFromRun(saved({ fileName: 'a', table, report }, { payloadVersion: 2 }))).toBeNull();
		expect(dealerFileFromRun(saved({ fileName: 'a', table: { ...table, bac: new Int32Array(2) }, report }))).toBeNull();
		const month = table.month.slice();
		month[0] = 12;
		expect(dealerFileFromRun(saved({ fileName: 'a', table: { ...table, month }, report }))).toBeNull();
		expect(dealerFileFromRun(saved(null))).toBeNull();
	});
});
