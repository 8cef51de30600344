import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jobModelOf, sellersModelLoader } from './modelFile';

const text = readFileSync(new URL('../../../model-artifacts/sellers/model.json', import.meta.url), 'utf8');
const demoModelHash = (JSON.parse(text) as { contentHash: string }).contentHash;
const served = (body: string, status = 200) => async () => new Response(body, { status });

describe('the seller model file, fetched when a part needs it', () => {
	it('is fetched once and checked', async () => {
		let calls = 0;
		const load = sellersModelLoader('model.json', demoModelHash, async () => (calls++, new Response(text)));
		const [a, b] = await Promise.all([load(), load()]);
		expect(a).toBe(b);
		expect(calls).toBe(1);
		expect(jobModelOf(a).perUser.features).toHaveLength(12);
	});

	it('refuses a changed file, and a model other than the one that ranked the demo', async () => {
		const changed = text.replace('"rocAuc":', '"rocAuc": 0.99, "was":');
		await expect(sellersModelLoader('model.json', demoModelHash, served(changed))()).rejects.toThrow(/integrity check/);
		await expect(sellersModelLoader('model.json', 'another hash', served(text))()).rejects.toThrow(/another version than the one that ranked the demo/);
	});

	it('tries again after a failed fetch (back online)', async () => {
		let online = false;
		const load = sellersModelLoader('model.json', demoModelHash, async () => (online ? new Response(text) : new Response('', { status: 503 })));
		await expect(load()).rejects.toThrow(/could not be loaded \(503/);
		online = true;
		await expect(load()).resolves.toMatchObject({ contentHash: demoModelHash });
	});
});
