import { describe, expect, it } from 'vitest';
import { beta, gamma, seededRandom } from '../core/random';
import { clvFitsAt, clvForecaster } from './clvForecast';
import type { PurchaseDays } from './purchaseDays';

/** Customers simulated from BG/NBD and Gamma-Gamma themselves, in whole days (first purchase on days 0-179). */
function simulated(customers: number, seed: number): PurchaseDays {
	const random = seededRandom(seed);
	const start = [0];
	const day: number[] = [];
	const value: number[] = [];
	for (let i = 0; i < customers; i++) {
		const rate = gamma(random, 0.6, 1 / 40);
		const drop = beta(random, 0.8, 4);
		const nu = gamma(random, 4, 1 / 200);
		let t = Math.floor(random() * 180);
		let last = -1;
		for (;;) {
			const d = Math.floor(t);
			const v = gamma(random, 3, 1 / nu);
			if (d === last) value[value.length - 1] += v;
			else {
				day.push(d);
				value.push(v);
				last = d;
			}
			t += -Math.log(1 - random()) / rate;
			if (t >= 400 || random() < drop) break;
		}
		start.push(day.length);
	}
	return { start: Int32Array.from(start), day: Int32Array.from(day), value: Float64Array.from(value) };
}

describe('BG/NBD + Gamma-Gamma forecast of a group', () => {
	it('forecasts what customers simulated from the models then spend, and keeps its fits', () => {
		const days = simulated(3000, 17);
		const members = Int32Array.from({ length: 3000 }, (_, i) => i);
		const f = clvForecaster(days, members);
		const cut = 300;
		const horizon = 91;
		const forecast = f.forecast(cut, horizon)!;
		let actual = 0;
		for (let k = 0; k < days.day.length; k++) if (days.day[k] >= cut && days.day[k] < cut + horizon) actual += days.value[k];
		expect(forecast / actual).toBeGreaterThan(0.8);
		expect(forecast / actual).toBeLessThan(1.25);
		expect(f.lastFits()?.bgNbd.customers).toBe(3000);
	});

	it('makes no forecast when too few customers bought twice', () => {
		const days: PurchaseDays = { start: Int32Array.from([0, 1, 2]), day: Int32Array.from([1, 2]), value: Float64Array.from([5, 6]) };
		const f = clvForecaster(days, [0, 1]);
		expect(f.forecast(10, 30)).toBeNull();
		expect(f.lastFits()).toBeNull();
	});

	it('gives the same forecasts and fits when the fits are made beforehand', () => {
		const days = simulated(600, 5);
		const members = Int32Array.from({ length: 150 }, (_, i) => 2 * i);
		const cuts = [200, 228, 256, 284, 312];
		const asked = (f: ReturnType<typeof clvForecaster>) => cuts.map((cut) => ({ revenue: f.forecast(cut, 60), fits: f.lastFits() }));
		const lazily = asked(clvForecaster(days, members));
		expect(lazily.every((a) => a.revenue !== null)).toBe(true);
		expect(asked(clvForecaster(days, members, clvFitsAt(days, cuts)))).toEqual(lazily);
	});
});
