/** The reading warm-up runs the byte scan and the features on a generated file, with nothing left behind. */
import { describe, expect, it } from 'vitest';
import { warmUpReading } from './warmUp';

describe('warmUpReading', () => {
	it('reads a generated file and says how long it took', async () => {
		const ms = await warmUpReading({ rounds: 1, customers: 5, features: true });
		expect(ms).toBeGreaterThan(0);
		expect(Number.isFinite(ms)).toBe(true);
	});

	it('stops when asked to', async () => {
		let asked = 0;
		await warmUpReading({ rounds: 5, customers: 5, stop: () => ++asked > 2 });
		// Asked before the file is made, then before each round until told to stop.
		expect(asked).toBe(3);
	});
});
