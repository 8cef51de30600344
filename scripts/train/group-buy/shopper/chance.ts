/**
 * The chance that a member buys an item: the blend's scores calibrated (isotonic) on validation
 * members, checked on the test members, with how much more often a re-bought item is bought than
 * its popularity says.
 */
import type { ShopperArtifact } from '../../../../src/lib/group-buy/artifact.ts';
import { calibrateMany, fitIsotonic, type IsotonicCalibration } from '../../../../src/lib/core/calibration.ts';
import { brierScore, reliabilityTable } from '../../../../src/lib/core/metrics/classification.ts';
import { shopperScores, type BlendWeights } from '../../../../src/lib/group-buy/shopper.ts';
import { round } from '../../io.ts';
import type { Fitted } from './fit.ts';

/** The isotonic calibration of the blend's scores, fitted on every validation member x item pair. */
export function fitChance(val: Fitted, weights: BlendWeights, n: number): IsotonicCalibration {
	const valScores: number[] = [];
	const valLabels: number[] = [];
	val.held.forEach((h, i) => {
		const s = shopperScores(val.model, val.memberCounts[i], weights);
		const target = new Set(h.target);
		for (let j = 0; j < n; j++) {
			valScores.push(s[j]);
			valLabels.push(target.has(j) ? 1 : 0);
		}
	});
	return fitIsotonic(valScores, valLabels);
}

/** The chances checked on every test member x item pair, and the re-buys' lift over popularity (prints both). */
export function checkChances(test: Fitted, chance: IsotonicCalibration, weights: BlendWeights, n: number): { chanceCheck: ShopperArtifact['chanceCheck']; rebuy: ShopperArtifact['rebuy'] } {
	const testScores: number[] = [];
	const testLabels: number[] = [];
	const targetShare = new Float64Array(n);
	test.held.forEach((h) => h.target.forEach((j) => (targetShare[j] += 1 / test.held.length)));
	let ownPairs = 0;
	let ownHits = 0;
	let ownExpected = 0;
	test.held.forEach((h, i) => {
		const s = calibrateMany(chance, shopperScores(test.model, test.memberCounts[i], weights));
		const target = new Set(h.target);
		for (let j = 0; j < n; j++) {
			testScores.push(s[j]);
			testLabels.push(target.has(j) ? 1 : 0);
			if (test.memberCounts[i][j] > 0) {
				ownPairs++;
				ownHits += target.has(j) ? 1 : 0;
				ownExpected += targetShare[j];
			}
		}
	});
	const chanceCheck = { pairs: testScores.length, brier: round(brierScore(testLabels, testScores)!, 5), reliability: reliabilityTable(testLabels, testScores, 10).map((b) => ({ ...b, low: round(b.low, 4), high: round(b.high, 4), meanPredicted: b.meanPredicted === null ? null : round(b.meanPredicted, 4), observedRate: b.observedRate === null ? null : round(b.observedRate, 4) })) };
	const rebuy = { pairs: ownPairs, ownRate: round(ownHits / ownPairs, 4), expectedRate: round(ownExpected / ownPairs, 4), lift: round(ownHits / ownExpected, 3) };
	console.log(`\nchance of buying, on ${chanceCheck.pairs.toLocaleString('en-US')} test member x item pairs: Brier ${chanceCheck.brier}`);
	console.log(`items the member bought before: ${(rebuy.ownRate * 100).toFixed(1)}% are in the held-out basket, against ${(rebuy.expectedRate * 100).toFixed(1)}% for the same items over all members (lift ${rebuy.lift})`);
	return { chanceCheck, rebuy };
}
