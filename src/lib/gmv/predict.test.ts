import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArtifact } from '../core/artifact/load';
import { conformalRange } from '../core/conformal';
import type { GmvContext, GmvForestArtifact, GmvNetworkArtifact } from './artifacts';
import { base64ToBytes } from '../core/base64';
import { decodeFlatForest } from '../core/forest/flat';
import { predictForest } from '../core/forest/predict';
import { RANKED_MIN_ROWS } from '../core/forest/ranked';
import { featureMatrix, featureNames, scenarioFromRow } from './features';
import { gmvFromLogRatio, RECENT_FEATURES, recentFromRows, recentOf, writeRecentFeatures } from './recent';
import { generateWeeklyRows, weeklyRowsCsv } from './sample';
import { parseCsvText } from '../core/csv/intake';
import { weeklyRowSchema } from './schema';
import { defaultFormValues, scenarioFromForm } from './form';
import { forestModel, networkModel } from './predict';

const read = (name: string) => JSON.parse(readFileSync(`model-artifacts/gmv/${name}`, 'utf8'));

describe('the shipped GMV artifacts', async () => {
	const context = await checkArtifact<GmvContext>(read('context.json'), { tool: 'gmv', modelId: 'context' });
	const forestArtifact = await checkArtifact<GmvForestArtifact>(read('forest.json'), { tool: 'gmv', modelId: 'forest' });
	const forest = forestModel(forestArtifact);
	const network = networkModel(await checkArtifact<GmvNetworkArtifact>(read('network.json'), { tool: 'gmv', modelId: 'network' }));
	const scenario = scenarioFromForm(defaultFormValues(context));

	it('the forest model shows the plain forest it walks (a helper thread walks the same one), the network none', () => {
		expect(forest.forest).toEqual(decodeFlatForest(base64ToBytes(forestArtifact.forest)));
		const X = featureMatrix([scenario], forest.artifact.encoders);
		expect(predictForest(forest.forest!, X, 1)).toEqual(forest.predictFeatures(X, 1));
		expect(network.forest).toBeUndefined();
	});
	it('carry the feature schema this code builds', () => {
		for (const m of [forest, network]) expect(m.artifact.features).toEqual(featureNames(m.artifact.encoders));
	});
	it('carry held-out metrics beside a baseline, and provenance', () => {
		for (const m of [forest, network]) {
			expect(m.artifact.metrics.model.n).toBeGreaterThan(100);
			expect(m.artifact.metrics.baselines[0].name).toMatch(/Trailing/);
			expect(m.artifact.provenance.synthetic).toBe(false);
			expect(m.artifact.provenance.trainRows + m.artifact.provenance.testRows).toBe(m.artifact.provenance.rows);
		}
		expect(context.modelRanking).toHaveLength(2);
	});
	it('predict the start week with explanations that add up', () => {
		for (const m of [forest, network]) {
			const p = m.predictOne(scenario);
			expect(p.gmv).toBeGreaterThan(0);
			const e = p.explanation!;
			const sum = e.contributions.reduce((a, c) => a + c.rupees, e.average);
			expect(Math.abs(sum - p.gmv)).toBeLessThan(1e-6 * p.gmv);
			expect(m.predictMany([scenario])[0]).toBeCloseTo(p.gmv, 6);
		}
	});
	it('give every model an 80% range that holds its prediction, calibrated on validation weeks, with its measured test coverage', () => {
		const inputsOnly = { ...scenario, recentGmv: undefined };
		for (const [m, s] of [[forest, scenario], [forest, inputsOnly], [network, scenario]] as const) {
			const p = m.predictOne(s);
			expect(p.range![0]).toBeLessThanOrEqual(p.gmv);
			expect(p.range![1]).toBeGreaterThanOrEqual(p.gmv);
			expect(p.rangeCoverage?.nominal).toBe(0.8);
			expect(p.rangeCoverage?.testCoverage).toBeGreaterThan(0.5);
		}
	});
	it('forecast from recent GMV when the scenario has it, and from the inputs alone when it does not', () => {
		expect(scenario.recentGmv?.filter((v) => v !== null)).toHaveLength(4);
		expect(forest.predictOne(scenario).usedRecent).toBe(true);
		expect(forest.predictOne({ ...scenario, recentGmv: [null, null, null, null] }).usedRecent).toBe(false);
		expect(network.predictOne(scenario).usedRecent).toBe(false);
		// The recent forecast's baselines are naive forecasts only; the other shipped models are comparisons.
		const report = forestArtifact.recent.metrics;
		expect(report.baselines.map((b) => b.name).sort()).toEqual(['Last week', 'Trailing 4-week mean', 'Trailing 4-week median']);
		expect(report.comparisons.every((c) => c.role === 'shipped-model' || c.role === 'reference')).toBe(true);
		expect(report.vsBestBaseline?.baseline).toBe(report.baselines[0].name);
	});
	it('never predict negative GMV, even for inputs far outside training (the network is held at zero)', () => {
		const values = defaultFormValues(context);
		for (const other of [0, 27.1, 40, 500, 5000]) {
			for (const discount of [0, 45, 95]) {
				const s = scenarioFromForm({ ...values, budget_Other: other, discount });
				for (const m of [forest, network]) expect(m.predictOne(s).gmv, `${m.id} other=${other} discount=${discount}`).toBeGreaterThanOrEqual(0);
			}
		}
	});
	it('score generated rows in a batch exactly as the plain forest walk does (the path before the ranked forest)', () => {
		// 24,003 rows (not a multiple of four); those of weeks 48-53 with an actual GMV, so the recent-GMV forest scores weeks 49-53
		// and the forest on the inputs the 21,000-odd others (enough for its ranked walk).
		const rows = generateWeeklyRows(context, 24_003, 21).map((r, i) => (Number(r.week) < 48 ? r : { ...r, gmv: 1e5 + 977 * i }));
		const parsed = parseCsvText(weeklyRowsCsv(rows), weeklyRowSchema);
		if (!parsed.ok) throw new Error(parsed.failure.message);
		const scenarios = parsed.rows.map(scenarioFromRow);
		const recent = recentFromRows(parsed.rows.map((r, i) => ({ subCategory: scenarios[i].subCategory, week: r.week as number, gmv: typeof r.gmv === 'number' ? r.gmv : null })));
		scenarios.forEach((s, i) => (s.recentGmv = recent[i] ?? undefined));
		const got = forest.predictBatch(scenarios);
		const plain = decodeFlatForest(base64ToBytes(forestArtifact.forest));
		const recentFlat = decodeFlatForest(base64ToBytes(forestArtifact.recent.forest));
		const want = predictForest(plain, featureMatrix(scenarios, forestArtifact.encoders), scenarios.length);
		let fromRecent = 0;
		scenarios.forEach((s, i) => {
			const r = recentOf(s);
			if (!r) return expect(got.usedRecent[i]).toBe(0);
			fromRecent++;
			const X = new Float64Array(RECENT_FEATURES.length);
			writeRecentFeatures(s, r, forestArtifact.recent.encoders, X);
			want[i] = gmvFromLogRatio(predictForest(recentFlat, X, 1)[0], r, forestArtifact.recent.encoders.shrink);
			expect(got.usedRecent[i]).toBe(1);
		});
		expect(fromRecent).toBeGreaterThan(100);
		expect(scenarios.length - fromRecent).toBeGreaterThanOrEqual(RANKED_MIN_ROWS);
		for (let i = 0; i < scenarios.length; i++) expect(got.gmv[i], `row ${i}`).toBe(want[i]);
		// Each range is conformalRange of its prediction, with the interval of the forest that made it.
		for (let i = 0; i < scenarios.length; i++) {
			const [low, high] = conformalRange(got.usedRecent[i] ? forestArtifact.recent.interval : forestArtifact.interval, got.gmv[i]);
			expect([got.low[i], got.high[i]], `row ${i}`).toEqual([low, high]);
		}
		const plainBatch = network.predictFeatureBatch(featureMatrix(scenarios, network.artifact.encoders), scenarios.length);
		for (let i = 0; i < scenarios.length; i++) expect([plainBatch.low[i], plainBatch.high[i]]).toEqual(conformalRange(network.artifact.interval, plainBatch.gmv[i]));
	});
});
