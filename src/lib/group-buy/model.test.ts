import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../core/base64';
import { verifyArtifact } from '../core/artifact/hash';
import type { DealArtifact, ShopperArtifact } from './artifact';
import { recommendAll } from './batch';
import { buyingChances, dealModel, fillChance, float32FromBase64, shopperModel, trackRecordCurve } from './model';
import { sampleMembers } from './sample';
import { BasketBuilder, dayKeyDmy } from './baskets';

const read = <T>(name: string) => JSON.parse(readFileSync(new URL(`../../../model-artifacts/group-buy/${name}`, import.meta.url), 'utf8')) as T;
const shopper = read<ShopperArtifact>('shopper.json');
const deal = read<DealArtifact>('deal.json');

describe('float32FromBase64', () => {
	it('reads little-endian float32 and checks the length', () => {
		const values = Float32Array.from([1.5, -2, 3.25]);
		const text = bytesToBase64(new Uint8Array(values.buffer));
		expect(Array.from(float32FromBase64(text, 3))).toEqual([1.5, -2, 3.25]);
		expect(() => float32FromBase64(text, 4)).toThrow(RangeError);
	});
});

describe('the shipped shopper model', () => {
	const model = shopperModel(shopper);

	it('is intact and decodes to the catalogue size', async () => {
		expect(await verifyArtifact(shopper)).toBe(true);
		expect(model.itemVectors.length).toBe(shopper.items.length * shopper.dims);
		expect(shopper.aisles.filter((a) => a === 'Other')).toEqual([]);
	});

	it('gives a new shopper the items most baskets hold, with chances between 0 and 1', () => {
		const chances = buyingChances(model, shopper, new Float64Array(model.nItems));
		expect(chances.every((p) => p >= 0 && p <= 1)).toBe(true);
		const [first] = recommendAll(model, shopper, [{ member: 'new', baskets: [], days: [] }]);
		expect(shopper.items[first.items[0]]).toBe('whole milk');
	});

	it('recommends 10 distinct items to every generated member, chances falling with rank', () => {
		const builder = new BasketBuilder();
		for (const m of sampleMembers(shopper.basketCounts, 30, 7)) for (const b of m.baskets) for (const i of b.items) builder.add(m.name, dayKeyDmy(b.date)!, i);
		const recs = recommendAll(model, shopper, builder.build());
		expect(recs).toHaveLength(30);
		for (const r of recs) {
			expect(new Set(r.items).size).toBe(10);
			for (let i = 1; i < r.chances.length; i++) expect(r.chances[i]).toBeLessThanOrEqual(r.chances[i - 1]);
		}
	});
});

describe('the shipped deal model', () => {
	const model = dealModel(deal);
	const typical = deal.typical;

	it('is intact, and an item whose deals filled fills more often than one whose deals failed', async () => {
		expect(await verifyArtifact(deal)).toBe(true);
		const good = fillChance(model, { ...typical, itemLaunches: 50, itemFills: 45 });
		const poor = fillChance(model, { ...typical, itemLaunches: 50, itemFills: 5 });
		expect(good).toBeGreaterThan(poor + 0.3);
	});

	it("learnt BeiBei's cap: an organiser with the most fills the data keeps rarely fills again", () => {
		const capped = fillChance(model, { ...typical, organiserLaunches: 4, organiserFills: deal.cap.organiserFillCap });
		expect(capped).toBeLessThan(0.2);
	});

	it('draws the track-record curve at the launches asked for', () => {
		const curve = trackRecordCurve(model, typical, [0, 5, 20], 0.8);
		expect(curve.map((c) => [c.launches, c.fills])).toEqual([[0, 0], [5, 4], [20, 16]]);
		for (const c of curve) expect(c.chance).toBeGreaterThanOrEqual(0);
	});
});
