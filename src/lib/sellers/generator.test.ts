import { describe, expect, it } from 'vitest';
import { correlation } from '../core/stats';
import { monthOfDay } from './calendar';
import { EventKind } from './events';
import { featuresAt, indexLog } from './features';
import { DEFAULT_MARKET, generateMarket, marketParameterTable, type MarketParams } from './generator';
import { EventLogBuilder, NO_CATEGORY, type EventLog } from './log';
import { categoryMonthCounts } from './market';

function market(params: Partial<MarketParams> = {}) {
	const b = new EventLogBuilder();
	const truth = generateMarket({ ...DEFAULT_MARKET, ...params }, b);
	return { log: b.finish(), truth };
}

/** Per user, per month (from the start), events of one kind. */
function monthlyCounts(log: EventLog, kinds: number[], months: number, start: number): Float64Array[] {
	const out = Array.from({ length: log.userIds.length }, () => new Float64Array(months));
	for (let i = 0; i < log.n; i++) if (kinds.includes(log.kind[i])) out[log.user[i]][monthOfDay(log.day[i]) - start]++;
	return out;
}


describe('the synthetic marketplace', () => {
	const { log, truth } = market({ firstMonthJoins: 150 });
	const start = DEFAULT_MARKET.startMonth;
	const months = DEFAULT_MARKET.months;

	it('is the same for the same seed, and different for another', () => {
		const again = market({ firstMonthJoins: 150 }).log;
		expect(again.n).toBe(log.n);
		expect(Array.from(again.day.subarray(0, 500))).toEqual(Array.from(log.day.subarray(0, 500)));
		expect(Array.from(again.amount.subarray(0, 500))).toEqual(Array.from(log.amount.subarray(0, 500)));
		expect(market({ firstMonthJoins: 150, seed: 1 }).log.n).not.toBe(log.n);
	});

	it("reports each user's hidden traits without changing the events", () => {
		const b = new EventLogBuilder();
		const traits: number[] = [];
		generateMarket({ ...DEFAULT_MARKET, firstMonthJoins: 150 }, b, (user, t) => {
			traits[user] = t.focus;
			expect(Number.isFinite(t.logEngagement) && Number.isFinite(t.logMainDemand)).toBe(true);
			expect(t.activeShare).toBeGreaterThan(0);
			expect(t.activeShare).toBeLessThan(1);
		});
		const withTraits = b.finish();
		expect(withTraits.n).toBe(log.n);
		expect(Array.from(withTraits.day)).toEqual(Array.from(log.day));
		expect(Array.from(withTraits.amount)).toEqual(Array.from(log.amount));
		expect(traits.length).toBe(truth.users);
		expect(traits.every((f) => f >= 1 / 3 - 1e-12 && f <= 1)).toBe(true);
	});

	it('has users joining with growth and a Q4 peak', () => {
		const firstMonth = new Array<number>(months).fill(0);
		const seen = new Set<number>();
		const order = Array.from({ length: log.n }, (_, i) => i).sort((a, b) => log.day[a] - log.day[b]);
		for (const i of order) {
			if (seen.has(log.user[i])) continue;
			seen.add(log.user[i]);
			firstMonth[monthOfDay(log.day[i]) - start]++;
		}
		const firstYear = firstMonth.slice(0, 12).reduce((a, b) => a + b, 0);
		const secondYear = firstMonth.slice(12, 24).reduce((a, b) => a + b, 0);
		expect(secondYear / firstYear).toBeGreaterThan(1.3);
		// Oct-Dec against Jan-Sep of the first year, per month.
		const q4 = (firstMonth[9] + firstMonth[10] + firstMonth[11]) / 3;
		const rest = firstMonth.slice(0, 9).reduce((a, b) => a + b, 0) / 9;
		expect(q4 / rest).toBeGreaterThan(1.3);
		expect(truth.users).toBe(seen.size + (truth.users - seen.size));
	});

	it('has zero-inflated, heavy-tailed monthly activity that is correlated within a user', () => {
		const counts = monthlyCounts(log, [EventKind.collectionAdd, EventKind.wishlistAdd, EventKind.order], months, start);
		const userMonths: number[] = [];
		const now: number[] = [];
		const next: number[] = [];
		counts.forEach((c) => {
			const firstActive = c.findIndex((v) => v > 0);
			for (let m = firstActive + 1; m < months - 1; m++) {
				userMonths.push(c[m]);
				now.push(Math.log1p(c[m]));
				next.push(Math.log1p(c[m + 1]));
			}
		});
		const zeros = userMonths.filter((v) => v === 0).length / userMonths.length;
		expect(zeros).toBeGreaterThan(0.4);
		const active = userMonths.filter((v) => v > 0).sort((a, b) => a - b);
		const median = active[Math.floor(active.length / 2)];
		const p999 = active[Math.floor(active.length * 0.999)];
		expect(p999 / median).toBeGreaterThan(10);
		expect(correlation(now, next)).toBeGreaterThan(0.25);
		// Kinds move together within a user-month.
		const adds = monthlyCounts(log, [EventKind.collectionAdd], months, start).flatMap((c) => Array.from(c));
		const orders = monthlyCounts(log, [EventKind.order], months, start).flatMap((c) => Array.from(c));
		expect(correlation(adds.map(Math.log1p), orders.map(Math.log1p))).toBeGreaterThan(0.3);
	});

	it('concentrates each collector on 1-3 of 28 categories, with skewed popularity', () => {
		expect(log.categories).toHaveLength(28);
		const byUser = new Map<number, Map<number, number>>();
		const byCategory = new Array<number>(28).fill(0);
		for (let i = 0; i < log.n; i++) {
			if (log.kind[i] !== EventKind.collectionAdd) continue;
			const m = byUser.get(log.user[i]) ?? new Map<number, number>();
			m.set(log.category[i], (m.get(log.category[i]) ?? 0) + 1);
			byUser.set(log.user[i], m);
			byCategory[log.category[i]]++;
		}
		const shares: number[] = [];
		for (const m of byUser.values()) {
			const counts = [...m.values()].sort((a, b) => b - a);
			const total = counts.reduce((a, b) => a + b, 0);
			if (total >= 20) shares.push(counts.slice(0, 3).reduce((a, b) => a + b, 0) / total);
		}
		expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeGreaterThan(0.85);
		const sorted = [...byCategory].sort((a, b) => b - a);
		expect(sorted[0] / sorted[14]).toBeGreaterThan(5);
	});

	it('converts buyers to sellers well under 1% a month, more often with bigger collections', () => {
		const data = indexLog(log);
		let candidates = 0;
		let converted = 0;
		const bySize = [
			[0, 0],
			[0, 0]
		];
		for (let t = start + 6; t < start + months - 1; t++) {
			const table = featuresAt(data, t);
			const w = table.names.length;
			const size = table.names.indexOf('collection_size');
			table.users.forEach((u, i) => {
				const next = data.sellerFrom[u];
				const converts = next >= 0 && monthOfDay(next) === t + 1 ? 1 : 0;
				candidates++;
				converted += converts;
				const big = table.X[i * w + size] >= 30 ? 1 : 0;
				bySize[big][0]++;
				bySize[big][1] += converts;
			});
		}
		expect(converted / candidates).toBeLessThan(0.01);
		expect(converted / candidates).toBeGreaterThan(0.0005);
		expect(bySize[1][1] / bySize[1][0]).toBeGreaterThan(3 * (bySize[0][1] / bySize[0][0]));
	});

	it('has listings and sales after converting, sellers going quiet, and migrating sellers', () => {
		expect(truth.converted).toBeGreaterThan(20);
		expect(truth.migrating).toBeGreaterThan(20);
		const data = indexLog(log);
		const end = log.lastDay;
		let quiet = 0;
		let longSellers = 0;
		let migrants = 0;
		for (let u = 0; u < log.userIds.length; u++) {
			const from = data.sellerFrom[u];
			if (from === Infinity) continue;
			let lastSeller = -Infinity;
			let buyerBefore = 0;
			let first = Infinity;
			for (let j = data.index.offsets[u]; j < data.index.offsets[u + 1]; j++) {
				const e = data.index.order[j];
				first = Math.min(first, log.day[e]);
				if (log.kind[e] === EventKind.listing || log.kind[e] === EventKind.sale) lastSeller = Math.max(lastSeller, log.day[e]);
				else if (log.kind[e] <= EventKind.order && log.day[e] < from) buyerBefore++;
			}
			if (from < end - 270) {
				longSellers++;
				if (lastSeller < end - 90) quiet++;
			}
			if (from - first <= 14 && buyerBefore <= 2) migrants++;
		}
		expect(quiet / longSellers).toBeGreaterThan(0.2);
		expect(quiet / longSellers).toBeLessThan(0.95);
		expect(migrants).toBeGreaterThanOrEqual(truth.migrating * 0.9);
	});

	it('gives category inventory against wish-list adds a spread of orders of magnitude', () => {
		const big = market({ firstMonthJoins: 600, months: 18 }).log;
		const last = DEFAULT_MARKET.startMonth + 17;
		const counts = categoryMonthCounts(big, last - 2, last);
		const ratios: number[] = [];
		for (let c = 0; c < big.categories.length; c++) {
			let listings = 0;
			for (let k = 0; k < 3; k++) listings += counts.listings[k * big.categories.length + c];
			const wishes = counts.wishlistAdds[2 * big.categories.length + c];
			if (wishes > 0 && listings > 0) ratios.push(listings / wishes);
		}
		expect(Math.max(...ratios) / Math.min(...ratios)).toBeGreaterThan(100);
	});

	it('leaves no category on a sign-up and none missing elsewhere', () => {
		for (let i = 0; i < log.n; i++) expect(log.category[i] === NO_CATEGORY).toBe(log.kind[i] === EventKind.sellerSignup);
	});

	it('documents every parameter in a table', () => {
		const rows = marketParameterTable();
		expect(rows.length).toBeGreaterThan(15);
		for (const r of rows) expect(r.value.length * r.meaning.length).toBeGreaterThan(0);
		expect(rows.map((r) => r.parameter)).toContain('migrating sellers');
	});
});
