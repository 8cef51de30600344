import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateCsv } from '../core/csv/export';
import { bytesToBase64 } from '../core/base64';
import { parseCsvText } from '../core/csv/intake';
import { encodeFlatForest } from '../core/forest/flat';
import { flattenRegressionForest } from '../core/forest/flatten';
import { trainForestRegressor } from '../core/forest/train';
import type { GmvForestArtifact } from './artifacts';
import { batchSummary, batchSummaryText, farOutsideIssues, gmvBatchService, scoreWeeklyRows } from './batch';
import { runCsvJobInWorker } from '../core/csv/workerHost';
import type { CsvJobMessage } from '../core/csv/types';
import { featureCount, featureMatrix, scenarioFromRow, type GmvEncoders } from './features';
import { forestModel, networkModel, type GmvModel } from './predict';
import type { GmvContext, GmvNetworkArtifact } from './artifacts';
import { RECENT_FEATURES, writeRecentFeatures } from './recent';
import { generateWeeklyRows, weeklyRowsCsv } from './sample';
import { SUB_CATEGORIES, weeklyRowSchema } from './schema';
import { testContext } from './testContext';
import { unpackRows } from '../core/table/packedRows';

const enc: GmvEncoders = {
	subCategories: [...SUB_CATEGORIES],
	subCategoryShare: Object.fromEntries(SUB_CATEGORIES.map((s) => [s, 1 / SUB_CATEGORIES.length]))
};

function tinyForestModel() {
	const rows = generateWeeklyRows(testContext, 300, 3);
	const parsed = parseCsvText(weeklyRowsCsv(rows), weeklyRowSchema);
	if (!parsed.ok) throw new Error(parsed.failure.message);
	const scenarios = parsed.rows.map(scenarioFromRow);
	const width = featureCount(enc);
	const X = featureMatrix(scenarios, enc);
	const Xrows = scenarios.map((_, i) => Array.from(X.subarray(i * width, (i + 1) * width)));
	const y = scenarios.map((s) => s.productMrp * (100 - s.discount) * (s.saleWeek ? 2 : 1));
	const lib = trainForestRegressor(Xrows, y, { nEstimators: 5, seed: 1 });
	// A tiny recent-GMV forest: the ratio to the recent median from the features alone.
	const typical = testContext.typicalInputs;
	const renc = { typical, shrink: 1 };
	const R = new Float64Array(scenarios.length * RECENT_FEATURES.length);
	scenarios.forEach((s, i) => writeRecentFeatures(s, [1e5, 2e5], renc, R, i));
	const Rrows = scenarios.map((_, i) => Array.from(R.subarray(i * RECENT_FEATURES.length, (i + 1) * RECENT_FEATURES.length)));
	const rlib = trainForestRegressor(Rrows, scenarios.map((s) => (s.saleWeek ? 0.5 : -0.1)), { nEstimators: 3, seed: 2 });
	const interval = { nominal: 0.8, low: -0.5, high: 0.4, calibrationRows: 10 };
	const artifact = {
		encoders: enc,
		forest: bytesToBase64(encodeFlatForest(flattenRegressionForest(lib, Xrows))),
		interval,
		metrics: { model: { wape: 0.3 } },
		recent: { encoders: renc, forest: bytesToBase64(encodeFlatForest(flattenRegressionForest(rlib, Rrows))), interval: { ...interval, low: -0.2, high: 0.2 }, metrics: { model: { wape: 0.2 } } }
	} as unknown as GmvForestArtifact;
	return forestModel(artifact);
}

describe('GMV batch scoring', () => {
	const model = tinyForestModel();

	it('scores a generated CSV through the same schema and features as the form', () => {
		const csv = weeklyRowsCsv(generateWeeklyRows(testContext, 40, 11));
		const parsed = parseCsvText(csv, weeklyRowSchema);
		if (!parsed.ok) throw new Error(parsed.failure.message);
		expect(parsed.issueCount).toBe(0);
		const scored = { rows: unpackRows(scoreWeeklyRows(parsed.rows, model, parsed.rowNumbers).rows) };
		expect(scored.rows).toHaveLength(40);
		expect(scored.rows[0].row).toBe(2);
		// The batch path and the single-scenario path give the same number.
		parsed.rows.forEach((r, i) => expect(scored.rows[i].predicted_gmv).toBe(Math.round(model.predictOne(scenarioFromRow(r)).gmv)));
		expect(batchSummary(scored.rows)).toBeUndefined();
	});

	it('keeps good rows, names bad ones, and reports error metrics where gmv is given', () => {
		const lines = weeklyRowsCsv(generateWeeklyRows(testContext, 5, 12)).trim().split('\n');
		const header = lines[0] + ',gmv';
		const body = lines.slice(1).map((l, i) => `${l},${(i + 1) * 100000}`);
		body[1] = body[1].replace(/,(\d+(\.\d+)?),/, ',abc,'); // MRP becomes text in row 3
		const parsed = parseCsvText([header, ...body].join('\n'), weeklyRowSchema);
		if (!parsed.ok) throw new Error(parsed.failure.message);
		expect(parsed.issueCount).toBe(1);
		expect(parsed.issues[0]).toMatchObject({ row: 3, column: 'Average MRP' });
		const scored = { rows: unpackRows(scoreWeeklyRows(parsed.rows, model, parsed.rowNumbers).rows) };
		expect(scored.rows.map((r) => r.row)).toEqual([2, 4, 5, 6]);
		expect(scored.rows[0].actual_gmv).toBe(100000);
		expect(scored.rows[0].error).toBe(Number(scored.rows[0].predicted_gmv) - 100000);
		const summary = batchSummary(scored.rows);
		expect(summary?.rowsWithActual).toBe(4);
		expect(summary?.metrics.wape).toBeGreaterThan(0);
	});

	it('forecasts from the file’s own earlier weeks of the same sub-category when they give GMV, with the range of that model', () => {
		const rows = generateWeeklyRows(testContext, 6, 5).map((r, i) => ({ ...r, week: 10 + i, product_analytic_sub_category: 'Speaker', gmv: 100000 * (i + 1) }));
		rows.push({ ...rows[5], week: 30, gmv: 5 }); // no earlier weeks within four: inputs only
		const parsed = parseCsvText(weeklyRowsCsv(rows), weeklyRowSchema);
		if (!parsed.ok) throw new Error(parsed.failure.message);
		// Shuffled rows: the history is found wherever the earlier weeks sit in the file.
		const order = [3, 0, 6, 5, 1, 4, 2];
		const scored = { rows: unpackRows(scoreWeeklyRows(order.map((i) => parsed.rows[i]), model).rows) };
		const byWeek = new Map(scored.rows.map((r) => [r.week, r]));
		expect(byWeek.get(10)?.basis).toBe('inputs only');
		expect(byWeek.get(30)?.basis).toBe('inputs only');
		for (const week of [11, 12, 13, 14, 15]) expect(byWeek.get(week)?.basis, `week ${week}`).toBe('recent GMV');
		const week14 = unpackRows(scoreWeeklyRows([parsed.rows[4]], model).rows)[0];
		const one = model.predictOne({ ...scenarioFromRow(parsed.rows[4]), recentGmv: [400000, 300000, 200000, 100000] });
		expect(one.usedRecent).toBe(true);
		expect(byWeek.get(14)?.predicted_gmv).toBe(Math.round(one.gmv));
		expect(week14.basis).toBe('inputs only');
		expect(byWeek.get(14)?.range_low).toBe(Math.round(one.range![0]));
		expect(byWeek.get(14)?.range_high).toBe(Math.round(one.range![1]));
	});

	it('says in words which metrics are undefined, never NaN', () => {
		const rows = [1, 2, 3].map((i) => ({ row: i + 1, predicted_gmv: 100 * i, actual_gmv: 500 }));
		const summary = batchSummary(rows);
		expect(summary && batchSummaryText(summary)).toBe('On the 3 rows with an actual GMV: WAPE 60.0%, mean absolute error ₹300, R² not defined: the actual values are all the same.');
		const zeros = batchSummary([{ row: 2, predicted_gmv: 10, actual_gmv: 0 }]);
		expect(zeros && batchSummaryText(zeros)).toBe(
			'On the 1 row with an actual GMV: WAPE not defined: every actual value is zero, mean absolute error ₹10, R² not defined: one row has no spread to explain.'
		);
	});

	it('names the inputs of a row far outside the training ranges, and notes those a little outside', () => {
		const ranges = { NPS: { min: 44.4, max: 60, p01: 44.4, p99: 60 }, Other: { min: 0, max: 6.3, p01: 0, p99: 6.3 } };
		expect(farOutsideIssues({ NPS: 50, Other: 1000 }, ranges, 7)).toEqual([{ row: 7, column: 'Other spend', reason: expect.stringMatching(/^1,000 crore\/week is far outside the range the model was trained on \(0 to 6\.3 crore\/week\)/) }]);
		expect(farOutsideIssues({ NPS: 62, Other: 1 }, ranges, 8)).toEqual([]);
	});

	it('the site’s own template is inside the shipped models’ training ranges (so it is scored, not refused)', () => {
		const parsed = parseCsvText(templateCsv(weeklyRowSchema), weeklyRowSchema);
		if (!parsed.ok) throw new Error(parsed.failure.message);
		for (const name of ['forest', 'network']) {
			const shipped = JSON.parse(readFileSync(new URL(`../../../model-artifacts/gmv/${name}.json`, import.meta.url), 'utf8')) as GmvForestArtifact;
			expect(farOutsideIssues(parsed.rows[0], shipped.inputRanges, 2), name).toEqual([]);
		}
	});

	describe('the columnar path (large files: rows read into columns) gives the row path\'s result exactly', () => {
		const shipped = (name: string) => JSON.parse(readFileSync(new URL(`../../../model-artifacts/gmv/${name}.json`, import.meta.url), 'utf8'));
		const models: [string, GmvModel][] = [
			['shipped forest', forestModel(shipped('forest') as GmvForestArtifact)],
			['shipped network', networkModel(shipped('network') as GmvNetworkArtifact)]
		];
		const run = async (csv: string, model: GmvModel, columnar: boolean): Promise<CsvJobMessage> => {
			const service = gmvBatchService(async () => model);
			const message = await runCsvJobInWorker(
				columnar ? service : { ...service, columns: undefined },
				{ type: 'start', file: new Blob([csv]), fileName: 'weeks.csv', artifactUrls: {} },
				async () => model,
				() => {}
			);
			if (message.type === 'done') message.result.timings = { parseMs: 0, scoreMs: 0 };
			return message;
		};
		const broken = (csv: string) => {
			const lines = csv.split('\n');
			for (let i = 3; i < lines.length - 1; i += 37) {
				const cells = lines[i].split(',');
				const k = i % 5;
				if (k === 0) cells[2] = 'abc';
				else if (k === 1) cells[0] = ' 7';
				else if (k === 2) cells[1] = 'speaker';
				else if (k === 3) cells.push('1');
				else cells[4] = '"4.5"';
				lines[i] = cells.join(',');
			}
			return lines.join('\n');
		};
		const context = shipped('context') as GmvContext;
		const plain = weeklyRowsCsv(generateWeeklyRows(context, 6000, 17));
		const withGmv = weeklyRowsCsv(generateWeeklyRows(context, 3000, 19).map((r, i) => (i % 4 ? { ...r, gmv: 50_000 + ((i * 7919) % 300_000) } : r)));
		const files: [string, string][] = [
			['generated weeks', plain],
			['generated weeks with broken lines and a quoted value', broken(plain)],
			['generated weeks with CRLF line ends', plain.replace(/\n/g, '\r\n')],
			['weeks with actual GMV (forecast from recent sales)', broken(withGmv)]
		];
		for (const [modelName, model] of models) {
			for (const [fileName, csv] of files) {
				it(`${modelName}: ${fileName}`, async () => {
					const want = await run(csv, model, false);
					expect(want.type, JSON.stringify(want).slice(0, 300)).toBe('done');
					expect(await run(csv, model, true)).toEqual(want);
				});
			}
		}
	});
});
