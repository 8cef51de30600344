import { describe, expect, it } from 'vitest';
import type { SavedRun } from '../core/history';
import { analyseFile } from './upload';
import { demoLog, DEMO_MARKET } from './demo';
import { activityCsv } from './sample';
import { uploadFromRun, uploadRun } from './savedRuns';
import { readFileSync } from 'node:fs';
import type { SellersModelArtifact } from './model';

const artifact = JSON.parse(readFileSync(new URL('../../../model-artifacts/sellers/model.json', import.meta.url), 'utf8')) as SellersModelArtifact;
const model = {
	main: { features: artifact.features, forest: artifact.forest, calibration: artifact.calibration, countSpread: artifact.countSpread },
	perUser: { features: artifact.perUser.features, forest: artifact.perUser.forest, calibration: artifact.perUser.calibration, countSpread: artifact.perUser.countSpread },
	inputRanges: artifact.inputRanges
};

describe('saved seller-finder uploads', () => {
	it('come back as they were saved, and damaged ones are refused', async () => {
		const text = activityCsv(demoLog({ ...DEMO_MARKET, months: 10, firstMonthJoins: 15, seed: 9 }).log);
		const out = await analyseFile(new Blob([text]), 'shop.csv', model);
		if (out.type !== 'done') throw new Error(out.failure.message);
		const run = uploadRun(out.result);
		expect(run.summary).toMatch(/candidates/);
		const saved = { ...run, id: 'x', savedAt: 0, openedAt: 0 } as unknown as SavedRun;
		expect(uploadFromRun(saved)).toBe(out.result);
		expect(uploadFromRun({ ...saved, payloadVersion: 2 })).toBeNull();
		const damaged = structuredClone(out.result);
		damaged.analysis.candidates.probability = new Float64Array(1);
		expect(uploadFromRun({ ...saved, payload: damaged })).toBeNull();
		expect(uploadFromRun({ ...saved, payload: null })).toBeNull();
	});
});
