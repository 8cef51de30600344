import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SegmentsAnalysis } from './analysis';
import type { SegmentsArtifact } from './artifact';
import { ANONYMOUS_LABEL, distributionChart, sharesChart } from './charts';
import { ALL_CUSTOMERS, ANONYMOUS_INVOICES, customerListRows, evidenceSentence, formatMoney, formatPValue, ruleConditions } from './view';

const artifact = JSON.parse(
	readFileSync(fileURLToPath(new URL('../../../model-artifacts/segments/model.json', import.meta.url)), 'utf8')
) as SegmentsArtifact;
const analysis = artifact.analysis;

describe('ruleConditions', () => {
	it('states every binding threshold of the shipped rules', () => {
		const { entry, exit } = ruleConditions(analysis);
		expect(entry.map((c) => c.before)).toContain('at least ');
		expect(entry.find((c) => c.before === 'at least ')?.value).toBe(String(analysis.entry?.invoicesAtLeast));
		expect(exit.length).toBeGreaterThan(0);
	});

	it('leaves out thresholds that exclude nobody', () => {
		const loose: SegmentsAnalysis = {
			...analysis,
			maxRecencyDays: 300,
			entry: { revenueAtLeast: 0, invoicesAtLeast: 12, recencyAtMost: 300, qualifying: 6, precision: 1, recall: 0.8 },
			exit: { revenueBelow: 0, invoicesBelow: 1, recencyAbove: 66, currentInsidersMeeting: 1 }
		};
		const { entry, exit } = ruleConditions(loose);
		expect(entry).toEqual([{ before: 'at least ', value: '12', after: ' invoices' }]);
		expect(exit).toEqual([{ before: 'no purchase for more than ', value: '66 days', after: '' }]);
	});
});

describe('view helpers', () => {
	it('formats p-values without claiming a zero', () => {
		expect(formatPValue(0)).toBe('p < 0.0001');
		expect(formatPValue(0.0123)).toBe('p = 0.012');
		expect(formatPValue(0.00123)).toBe('p = 0.0012');
		expect(formatPValue(NaN)).toBe('p not available');
	});

	it('writes money in the chosen currency, or as a plain number', () => {
		expect(formatMoney(1350990.4, 'GBP')).toBe('£1,350,990');
		expect(formatMoney(1350990, 'GBP', true)).toBe('£1.35M');
		expect(formatMoney(1600, 'EUR')).toBe('€1,600');
		expect(formatMoney(1600, '')).toBe('1,600');
		expect(formatMoney(NaN, 'USD')).toBe('–');
	});

	it('says the shipped Insiders differ, in words', () => {
		expect(evidenceSentence(analysis)).toMatch(/^Pick an Insider and another customer at random: the Insider has the higher revenue \d+ times in 100\./);
		expect(evidenceSentence({ ...analysis, evidence: null })).toMatch(/too few/);
	});

	it('charts one bar per cluster, percentages of customers and revenue', () => {
		const config = sharesChart(analysis);
		// Names wrapped into lines (never cut at the start), then the anonymous invoices' own bar.
		const labels = config.data.labels as unknown as string[][];
		expect(labels.map((l) => l.join(' '))).toEqual([...analysis.clusters.map((c) => c.name), ANONYMOUS_LABEL]);
		for (const l of labels) for (const line of l) expect(line.length).toBeLessThanOrEqual(14);
		const revenue = config.data.datasets[1].data as number[];
		expect(revenue.reduce((s, x) => s + x, 0)).toBeCloseTo(100, 0);
		expect(revenue.at(-1)).toBeCloseTo(analysis.anonymous.revenueShare * 100, 1);
		expect(config.data.datasets[0].data.at(-1), 'anonymous invoices are not customers').toBeNull();
		const spread = distributionChart(analysis, 'grossRevenue');
		expect(spread.data.labels).toHaveLength(analysis.clusters.length + 1);
	});

	it('lists customers of a cluster, filtered by id; invoices without an id only on their own', () => {
		const customers = {
			ids: ['17850', 'guest-536544', '13047'],
			guest: Uint8Array.from([0, 1, 0]),
			cluster: Int32Array.from([0, 0, 1]),
			nextNearest: Int32Array.from([1, 1, 0]),
			margin: Float64Array.from([1.234, 0.5, 0.1]),
			lastPurchase: Float64Array.from([Date.UTC(2011, 11, 9), Date.UTC(2011, 0, 5), NaN]),
			features: Object.fromEntries(artifact.features.map((f) => [f, Float64Array.from([1, 2, 3])])) as never
		};
		const names = ['Insiders', 'Loyal regulars'];
		const rows = customerListRows(customers, names, 0);
		expect(rows.map((r) => r.customer)).toEqual(['17850']);
		expect(customerListRows(customers, names, ALL_CUSTOMERS).map((r) => r.customer)).toEqual(['17850', '13047']);
		const anonymous = customerListRows(customers, names, ANONYMOUS_INVOICES);
		expect(anonymous.map((r) => r.customer)).toEqual(['no id (invoice 536544)']);
		expect(anonymous[0].cluster).toBe('Insiders');
		expect(rows[0]).toMatchObject({ cluster: 'Insiders', lastPurchase: '2011-12-09', margin: 1.23, nextCluster: 'Loyal regulars' });
		expect(customerListRows(customers, names, -1, '1304').map((r) => r.customer)).toEqual(['13047']);
	});
});
