import { describe, expect, it } from 'vitest';
import type { CsvJobResult } from '../core/csv/types';
import { freshStore } from '../core/history/testing';
import { packRows, TextColumnBuilder } from '../core/table/packedRows';
import { defaultFormValues } from './form';
import { batchFromRun, batchRun, scenarioFromRun, scenarioRun } from './savedRuns';
import { testContext } from './testContext';

function batch(): CsvJobResult {
	return {
		fileName: 'weeks.csv',
		delimiter: ',',
		totalRows: 3,
		goodRows: 2,
		issues: [{ row: 3, column: 'discount', reason: 'not a number' }],
		issueCount: 1,
		matchedColumns: { week: 'week' },
		ignoredColumns: [],
		missingOptional: [],
		notes: [],
		usage: { rows: 3, usedRows: 2, complete: true },
		rowNumbers: new Int32Array([2, 4]),
		scored: {
			columns: [
				{ key: 'week', label: 'Week', kind: 'number' },
				{ key: 'sub_category', label: 'Sub-category', kind: 'text' },
				{ key: 'predicted_gmv', label: 'Predicted GMV', kind: 'number' },
				{ key: 'actual_gmv', label: 'Actual GMV', kind: 'number' }
			],
			rows: packRows(
				['week', 'sub_category', 'predicted_gmv', 'actual_gmv'],
				[
					{ week: 44, sub_category: 'Speaker', predicted_gmv: 1.5e6, actual_gmv: null },
					{ week: 45, sub_category: 'Camera', predicted_gmv: 2.5e6, actual_gmv: 2e6 }
				]
			),
			summary: { rowsWithActual: 1 }
		},
		timings: { parseMs: 3, scoreMs: 4 }
	};
}

describe('GMV saved runs', () => {
	it('a scenario is kept as its link and comes back as the same form and model', async () => {
		const values = { ...defaultFormValues(testContext), discount: 33 };
		const run = scenarioRun(values, 'forest', 1.234e6);
		expect(run.name).toMatch(/, week of \d{4}-\d{2}-\d{2}$/);
		expect(run.summary).toBe('₹12.3 lakh predicted by the random forest');
		const store = freshStore();
		const saved = await store.save(run);
		const back = scenarioFromRun((await store.open(saved.id))!, testContext);
		expect(back).toEqual({ values, rejected: [], model: 'forest' });
	});

	it('a scenario whose link holds a value the form no longer accepts comes back with that field named', () => {
		const run = { ...scenarioRun(defaultFormValues(testContext), 'network', null), id: 'x', savedAt: 1, size: 1, payloadVersion: 1 };
		run.payload = { ...run.payload, link: `${run.payload.link.replace(/disc=[^&]*/, 'disc=lots')}` };
		expect(run.summary).toBe('No prediction (a field needed fixing)');
		expect(scenarioFromRun(run, testContext)?.rejected).toEqual(['Average discount']);
		expect(scenarioFromRun({ ...run, payload: { link: 1 } }, testContext)).toBeNull();
		expect(scenarioFromRun({ ...run, kind: 'batch' }, testContext)).toBeNull();
	});

	it('a batch result is packed by column and comes back exactly', async () => {
		const run = batchRun(batch(), 'neural network');
		expect(run).toMatchObject({ kind: 'batch', name: 'weeks.csv', summary: '2 of 3 rows scored with the neural network' });
		expect(run.payload.result.scored.rows.columns.predicted_gmv).toEqual({ numbers: new Float64Array([1.5e6, 2.5e6]), nulls: null });
		const store = freshStore();
		const saved = await store.save(run);
		expect(batchFromRun((await store.lastOpened('gmv', 'batch'))!)).toEqual({ result: batch(), modelLabel: 'neural network' });
		expect(batchFromRun({ ...saved, payload: { result: { fileName: 'x' } } })).toBeNull();
		expect(saved.id).toBeTruthy();
		// Runs saved before text columns were coded (version 1) still open; a later version does not.
		const reopened = (await store.lastOpened('gmv', 'batch'))!;
		expect(batchFromRun({ ...reopened, payloadVersion: 1 })).toEqual({ result: batch(), modelLabel: 'neural network' });
		expect(batchFromRun({ ...reopened, payloadVersion: 3 })).toBeNull();
	});

	it('a batch whose text columns are coded (as the worker sends them) comes back exactly; a code out of range is refused', async () => {
		const result = batch();
		const text = new TextColumnBuilder(2);
		text.set(0, 'Speaker');
		text.set(1, null);
		result.scored.rows.columns.sub_category = text.column();
		const store = freshStore();
		await store.save(batchRun(result, 'random forest'));
		const back = (await store.lastOpened<ReturnType<typeof batchRun>['payload']>('gmv', 'batch'))!;
		expect(batchFromRun(back)).toEqual({ result, modelLabel: 'random forest' });
		const broken = structuredClone(back.payload);
		broken.result.scored.rows.columns.sub_category = { codes: new Int32Array([0, 5]), dictionary: ['Speaker'] };
		expect(batchFromRun({ ...back, payload: broken })).toBeNull();
	});
});
