import { describe, expect, it } from 'vitest';
import { analysisFromJson, analysisToJson } from './analysisJson';
import { analysis } from './analysis.fixture';

describe('an analysis as JSON', () => {
	it('keeps the forest score that orders users one calibration step ties', () => {
		const back = analysisFromJson(JSON.parse(JSON.stringify(analysisToJson(analysis()))));
		expect(Array.from(back.candidates.forestScore)).toEqual([0.6, 0.5, 0.9]);
		expect(Array.from(back.candidates.probability)).toEqual([0.2, 0.1, 0.5]);
	});

	it('ranks an analysis saved before the forest score was kept by its probabilities', () => {
		const json = analysisToJson(analysis());
		delete json.candidates.forestScore;
		expect(Array.from(analysisFromJson(json).candidates.forestScore)).toEqual([0.2, 0.1, 0.5]);
	});
});
