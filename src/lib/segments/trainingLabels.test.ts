/**
 * The browser-side assignment reproduces the training labels of the shipped segments model: the
 * Online Retail file (../shared/data or $STORELENS_DATA, outside the repo; skipped when absent) read and placed in the
 * clusters exactly as the page does gives the labels whose hash training stored in the artifact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256Hex, verifyArtifact } from '../core/artifact/hash';
import { analyseSegments } from './analysis';
import { assignTable } from './clusters';
import type { SegmentsArtifact } from './artifact';
import { readInvoiceText } from './read';
import { realDataFile } from './testData';

const artifact = JSON.parse(readFileSync(new URL('../../../model-artifacts/segments/model.json', import.meta.url), 'utf8')) as SegmentsArtifact;
const dataPath = realDataFile('online-retail/online-retail.csv') ?? '';
const exists = dataPath !== '';

describe('the shipped segments model', () => {
	it('verifies against its content hash', async () => {
		expect(await verifyArtifact(artifact)).toBe(true);
	});

	it('has one centroid per cluster, each with a number per feature of its space', () => {
		expect(artifact.centroids).toHaveLength(artifact.k);
		expect(artifact.profiles).toHaveLength(artifact.k);
		expect(artifact.space.features).toEqual(artifact.features);
		expect(artifact.space.mean).toHaveLength(artifact.space.features.length);
		expect(artifact.space.sd).toHaveLength(artifact.space.features.length);
		for (const centroid of artifact.centroids) {
			expect(centroid).toHaveLength(artifact.space.features.length);
			for (const x of centroid) expect(Number.isFinite(x)).toBe(true);
		}
		expect(artifact.profiles[artifact.insiders].name).toBe('Insiders');
	});

	it.skipIf(!exists)(
		'reproduces the training labels, sizes and Insiders revenue share on online-retail.csv (needs ../shared/data)',
		async () => {
			const read = readInvoiceText(readFileSync(dataPath, 'utf8'));
			if (!read.ok) throw new Error(read.failure.message);
			const table = read.aggregator.finish();
			expect(table.count).toBe(artifact.metrics.model.n);
			const assignments = assignTable(artifact, table);
			expect(await sha256Hex(Array.from(assignments.cluster).join(''))).toBe(artifact.trainingLabelsHash);
			const sizes = new Array<number>(artifact.k).fill(0);
			for (const c of assignments.cluster) sizes[c]++;
			expect(sizes).toEqual(artifact.profiles.map((p) => p.size));
			const analysis = analyseSegments(table, assignments, {
				names: artifact.profiles,
				insiders: artifact.insiders,
				map: artifact.map,
				features: artifact.space.features
			});
			const share = analysis.clusters[artifact.insiders].revenueShare;
			expect(Math.abs(share - artifact.analysis.clusters[artifact.insiders].revenueShare)).toBeLessThan(1e-4);
			expect(Math.abs(share - artifact.profiles[artifact.insiders].revenueShare)).toBeLessThan(1e-4);
			expect(analysis.customers).toBe(artifact.analysis.customers);
			// Anonymous invoices are counted apart; none is placed in the Insiders cluster, so it keeps its size.
			expect(analysis.customers + analysis.anonymous.invoices).toBe(table.count);
			expect(analysis.anonymous.byCluster[artifact.insiders]).toBe(0);
			expect(analysis.clusters[artifact.insiders].size).toBe(artifact.profiles[artifact.insiders].size);
			// The entry rule the page shows first (thresholds are whole numbers or two significant figures).
			const { revenueAtLeast, invoicesAtLeast, recencyAtMost, qualifying } = artifact.analysis.entry!;
			expect(analysis.entry).toMatchObject({ revenueAtLeast, invoicesAtLeast, recencyAtMost, qualifying });
		},
		60_000
	);
});
