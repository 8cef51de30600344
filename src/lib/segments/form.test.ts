import { decidingChartConfig } from './charts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFieldValue } from '../core/fieldValue';
import { CUSTOMER_FEATURES, CUSTOMER_FEATURE_INFO } from './features';
import {
	customerFormColumns,
	customerFormErrors,
	customerFormRanges,
	customerRangeCheck,
	defaultCustomerValues,
	followCustomerValues,
	marginWords,
	placeCustomer,
	type CustomerFormValues
} from './form';
import type { SegmentsArtifact } from './artifact';

const artifact = JSON.parse(readFileSync(fileURLToPath(new URL('../../../model-artifacts/segments/model.json', import.meta.url)), 'utf8')) as SegmentsArtifact;

const bigSpender: CustomerFormValues = {
	grossRevenue: 50000,
	recencyDays: 2,
	invoices: 40,
	itemsBought: 20000,
	distinctProducts: 400,
	frequency: 0.15,
	itemsReturned: 0,
	returnShare: 0
};

const oneOffLongAgo: CustomerFormValues = {
	grossRevenue: 60,
	recencyDays: 300,
	invoices: 1,
	itemsBought: 20,
	distinctProducts: 3,
	frequency: 1,
	itemsReturned: 0,
	returnShare: 0
};

describe('customerFormColumns', () => {
	const columns = customerFormColumns(artifact);

	it('has one required number field per feature, in the artifact order, labelled from the feature info', () => {
		expect(columns.map((c) => c.key)).toEqual(artifact.features);
		expect(new Set(columns.map((c) => c.key))).toEqual(new Set(CUSTOMER_FEATURES));
		for (const c of columns) {
			expect(c.required).toBe(true);
			expect(['number', 'integer']).toContain(c.type);
			expect(c.label).toBe(CUSTOMER_FEATURE_INFO[c.key as keyof typeof CUSTOMER_FEATURE_INFO].label);
			expect(c.min).toBeGreaterThanOrEqual(0);
		}
	});

	it('takes counts as whole numbers, the share returned as a percentage and frequency above 0', () => {
		const byKey = Object.fromEntries(columns.map((c) => [c.key, c]));
		for (const key of ['invoices', 'itemsBought', 'distinctProducts']) expect(byKey[key].type).toBe('integer');
		expect(byKey.returnShare).toMatchObject({ min: 0, max: 100, unit: '%' });
		expect(parseFieldValue(byKey.returnShare, '12.5%')).toEqual({ ok: true, value: 12.5 });
		expect(parseFieldValue(byKey.returnShare, '120').ok).toBe(false);
		expect(parseFieldValue(byKey.frequency, '0').ok).toBe(false);
		expect(parseFieldValue(byKey.frequency, '0.01').ok).toBe(true);
		expect(parseFieldValue(byKey.invoices, '2.5').ok).toBe(false);
		expect(parseFieldValue(byKey.grossRevenue, '-1').ok).toBe(false);
	});
});

describe('defaultCustomerValues and customerFormRanges', () => {
	it('start from the overall medians, rounded, valid for every field and consistent', () => {
		const values = defaultCustomerValues(artifact);
		const columns = customerFormColumns(artifact);
		expect(values.grossRevenue).toBe(Math.round(artifact.overallMedians.grossRevenue));
		expect(values.invoices).toBe(artifact.overallMedians.invoices);
		for (const c of columns) expect(parseFieldValue(c, String(values[c.key])), c.key).toEqual({ ok: true, value: values[c.key] });
		expect(customerFormErrors(values)).toEqual({});
		const placed = placeCustomer(artifact, values);
		expect(placed).not.toBeNull();
		expect(placed!.cluster.cluster).toBeGreaterThanOrEqual(0);
		expect(placed!.cluster.cluster).toBeLessThan(artifact.k);
	});

	it('give the training ranges in the form units (percent for the share returned)', () => {
		const ranges = customerFormRanges(artifact);
		expect(Object.keys(ranges)).toEqual(artifact.features);
		expect(ranges.grossRevenue).toEqual(artifact.inputRanges.grossRevenue);
		expect(ranges.returnShare.max).toBeCloseTo(artifact.inputRanges.returnShare.max * 100, 10);
		expect(ranges.returnShare.p99).toBeCloseTo(artifact.inputRanges.returnShare.p99 * 100, 10);
	});
});

describe('placeCustomer', () => {
	it('places a big, frequent, recent spender among the Insiders', () => {
		const placed = placeCustomer(artifact, bigSpender)!;
		expect(placed.assignment.cluster).toBe(artifact.insiders);
		expect(placed.cluster.name).toBe('Insiders');
		expect(placed.sentence).toMatch(/^Closest to Insiders; the next-nearest cluster is .+, \d+\.\d\d units further away\. .+ decided it most\.$/);
	});

	it('places a one-off buyer of long ago among the lapsed', () => {
		const placed = placeCustomer(artifact, oneOffLongAgo)!;
		expect(placed.cluster.name.startsWith('Lapsed')).toBe(true);
		expect(placed.next).not.toBeNull();
		expect(placed.sentence).toContain(placed.next!.name);
	});

	it('splits the decision into pulls that sum to d²(next) − d²(chosen), largest first', () => {
		for (const values of [bigSpender, oneOffLongAgo, defaultCustomerValues(artifact)]) {
			const placed = placeCustomer(artifact, values)!;
			const { cluster, nextNearest, distances, margin } = placed.assignment;
			const sum = placed.deciding.reduce((s, d) => s + d.pull, 0);
			expect(sum).toBeCloseTo(distances[nextNearest] ** 2 - distances[cluster] ** 2, 9);
			expect(sum).toBeGreaterThanOrEqual(0);
			expect(placed.margin).toBe(margin);
			expect(placed.deciding.map((d) => d.feature).sort()).toEqual([...artifact.features].sort());
			const sizes = placed.deciding.map((d) => Math.abs(d.pull));
			expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
			const top = placed.deciding.filter((d) => d.pull > 0)[0];
			expect(placed.sentence).toContain(`${top.label}`);
		}
	});

	it('reads the share returned as a percentage', () => {
		const returner = { ...oneOffLongAgo, recencyDays: 80, invoices: 2, frequency: 0.1, itemsBought: 300, itemsReturned: 150, returnShare: 50 };
		const placed = placeCustomer(artifact, returner)!;
		const j = artifact.space.features.indexOf('returnShare');
		const z = (0.5 - artifact.space.mean[j]) / artifact.space.sd[j];
		const chosen = artifact.centroids[placed.assignment.cluster];
		const next = artifact.centroids[placed.assignment.nextNearest];
		expect(placed.assignment.contributions.returnShare).toBeCloseTo((z - next[j]) ** 2 - (z - chosen[j]) ** 2, 9);
	});

	it('is null while a value is missing or not a number', () => {
		expect(placeCustomer(artifact, { ...bigSpender, invoices: null })).toBeNull();
		const { recencyDays: _dropped, ...withoutRecency } = bigSpender;
		expect(placeCustomer(artifact, withoutRecency)).toBeNull();
		expect(placeCustomer(artifact, { ...bigSpender, frequency: 'often' })).toBeNull();
	});
});

describe('followCustomerValues and customerFormErrors', () => {
	it('keeps frequency possible for the number of invoices', () => {
		expect(followCustomerValues({ ...bigSpender, invoices: 1 }, 'invoices').frequency).toBe(1);
		expect(followCustomerValues({ ...bigSpender, invoices: 3, frequency: 5 }, 'invoices').frequency).toBe(3);
		const unchanged = { ...bigSpender, invoices: 30 };
		expect(followCustomerValues(unchanged, 'invoices')).toBe(unchanged);
		expect(customerFormErrors({ ...oneOffLongAgo, frequency: 0.5 }).frequency).toMatch(/one invoice/);
		expect(customerFormErrors({ ...bigSpender, frequency: 41 }).frequency).toMatch(/At most 40/);
		expect(customerFormErrors(bigSpender)).toEqual({});
	});

	it('keeps the share returned in step with items returned and bought', () => {
		const returned = followCustomerValues({ ...bigSpender, itemsReturned: 500 }, 'itemsReturned');
		expect(returned.returnShare).toBe(2.5);
		expect(customerFormErrors(returned)).toEqual({});
		const typedShare = followCustomerValues({ ...bigSpender, itemsBought: 7, returnShare: 30 }, 'returnShare');
		expect(typedShare.itemsReturned).toBe(2);
		expect(customerFormErrors(typedShare)).toEqual({});
		expect(followCustomerValues({ ...bigSpender, itemsBought: 10, itemsReturned: 12 }, 'itemsBought').returnShare).toBe(100);
		expect(customerFormErrors({ ...bigSpender, returnShare: 10 }).returnShare).toMatch(/0 returned of 20000 bought is 0%/);
	});
});

describe('marginWords and decidingChartConfig', () => {
	it('says how clear a placement is', () => {
		expect(marginWords(1.5)).toBe('clearly');
		expect(marginWords(0.5)).toBe('fairly clearly');
		expect(marginWords(0.1)).toBe('borderline');
	});

	it('draws the pulls as horizontal bars, green toward the chosen cluster and red away', () => {
		const placed = placeCustomer(artifact, bigSpender)!;
		const config = decidingChartConfig(placed.deciding, { chosen: placed.cluster.name, next: placed.next!.name });
		expect(config.type).toBe('bar');
		expect(config.options?.indexAxis).toBe('y');
		// Each label on at most two lines of at most 14 characters, so none is clipped on a phone.
		const labels = config.data.labels as unknown as string[][];
		expect(labels).toHaveLength(placed.deciding.length);
		labels.forEach((lines, i) => {
			expect(lines.length).toBeLessThanOrEqual(2);
			for (const line of lines) expect(line.length).toBeLessThanOrEqual(14);
			expect(lines.join(' ')).toBe(placed.deciding[i].label);
		});
		const data = config.data.datasets[0].data;
		expect(data).toHaveLength(placed.deciding.length);
		const colours = config.data.datasets[0].backgroundColor as string[];
		placed.deciding.forEach((d, i) => expect(colours[i]).toBe(d.pull >= 0 ? '--c-ok' : '--c-danger'));
	});
});

describe('customerRangeCheck', () => {
	it('places a typical customer, flags one a little outside and refuses one far outside', () => {
		const typical = defaultCustomerValues(artifact);
		expect(customerRangeCheck(artifact, typical)).toEqual({ flagged: [], refused: [] });
		const r = customerFormRanges(artifact).recencyDays;
		const near = customerRangeCheck(artifact, { ...typical, recencyDays: Math.round(r.max + (r.max - r.min) * 0.1) });
		expect(near.flagged).toHaveLength(1);
		expect(near.refused).toEqual([]);
		const far = customerRangeCheck(artifact, { ...typical, grossRevenue: 1e12 });
		expect(far.refused).toHaveLength(1);
		expect(far.refused[0]).toMatch(/far outside the range the model was trained on/);
	});
});
