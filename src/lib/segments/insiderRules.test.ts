/**
 * Tests of the Insiders' entry and exit rules on the hand-checked customers (handCustomers.fixture.ts),
 * whose Insiders are exactly "revenue >= 1000 and invoices >= 5", and of the rounding of their thresholds.
 */
import { describe, expect, it } from 'vitest';
import { INSIDERS, table } from './handCustomers.fixture';
import { insiderRules, niceFloor } from './insiderRules';

describe('insiderRules', () => {
	it('finds "revenue >= 1000 and invoices >= 5" with precision 1 and recall 1', () => {
		const rules = insiderRules(table, Uint8Array.from(INSIDERS))!;
		expect(rules).not.toBeNull();
		const { entry, exit } = rules;
		expect(entry.precision).toBe(1);
		expect(entry.recall).toBe(1);
		expect(entry.revenueAtLeast).toBe(1000);
		expect(entry.invoicesAtLeast).toBe(5);
		expect(entry.qualifying).toBe(3);
		// Exit is looser than entry: lower revenue and invoice floors, a later recency cut-off.
		expect(exit.revenueBelow).toBeLessThanOrEqual(entry.revenueAtLeast);
		expect(exit.invoicesBelow).toBeLessThanOrEqual(entry.invoicesAtLeast);
		expect(exit.recencyAbove).toBeGreaterThanOrEqual(entry.recencyAtMost);
		expect(exit.currentInsidersMeeting).toBe(0);
	});

	it('applies its rule as it reports it', () => {
		const { entry } = insiderRules(table, Uint8Array.from(INSIDERS))!;
		const r = table.features;
		const meets = INSIDERS.map((_, i) =>
			r.grossRevenue[i] >= entry.revenueAtLeast && r.invoices[i] >= entry.invoicesAtLeast && r.recencyDays[i] <= entry.recencyAtMost ? 1 : 0
		);
		expect(meets).toEqual(INSIDERS);
	});

	it('has no rule when nobody or everybody is an Insider', () => {
		expect(insiderRules(table, new Uint8Array(8))).toBeNull();
		expect(insiderRules(table, new Uint8Array(8).fill(1))).toBeNull();
	});
});

describe('niceFloor', () => {
	it('rounds down to two significant figures', () => {
		expect(niceFloor(3456)).toBe(3400);
		expect(niceFloor(987)).toBe(980);
		expect(niceFloor(0.5)).toBe(0.5);
		expect(niceFloor(0)).toBe(0);
		expect(niceFloor(1000)).toBe(1000);
		expect(niceFloor(99)).toBe(99);
		expect(niceFloor(-5)).toBe(0);
		expect(niceFloor(NaN)).toBe(0);
	});
});
