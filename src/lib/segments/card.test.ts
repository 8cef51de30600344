import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SegmentsArtifact } from './artifact';
import { topGroupReading, topGroups } from './card';

const artifact = JSON.parse(readFileSync(new URL('../../../model-artifacts/segments/model.json', import.meta.url), 'utf8')) as SegmentsArtifact;

describe('the segments card’s RFM comparison', () => {
	it('puts the Insiders beside the RFM 555 cell and the RFM score of about their size', () => {
		const groups = topGroups(artifact);
		expect(groups.map((g) => g.name)).toEqual(['Insiders', 'RFM “555”', 'RFM score ≥ 14']);
		expect(groups[0]).toMatchObject({ size: 790, isModel: true });
		expect(groups[0].lift).toBe(groups[0].revenueShare / groups[0].customerShare);
		expect(groups[0].lift).toBeGreaterThan(3.9);
	});

	it('says plainly that an RFM score of the same size does about as well', () => {
		const lines = topGroupReading(topGroups(artifact));
		expect(lines.join(' ')).toContain('a plain RFM score of the same size picks out the top customers about as well as the clusters do');
		expect(lines.at(-1)).toBe('What the clusters add is a description of the other customers, not a better list of the best ones.');
	});
});
