/**
 * Steps 4 and 5 of the dealer model's training: the effectiveness interval (dispersion and model
 * error set on the validation dealers, coverage measured on the test dealers and the demo network),
 * and what the tool recovers of the planted effects.
 */
import { normalCdf } from '../../../src/lib/core/stats.ts';
import type { RecoveryFigures } from '../../../src/lib/dealers/artifacts.ts';
import { monthlyDispersion, zForLevel, type IntervalModel } from '../../../src/lib/dealers/effectiveness.ts';
import { generateNetwork, type GeneratedNetwork } from '../../../src/lib/dealers/generator.ts';
import type { PeerReference } from '../../../src/lib/dealers/peers.ts';
import { DEMO_SEED } from '../../../src/lib/dealers/params.ts';
import type { ScoredNetwork } from '../../../src/lib/dealers/score.ts';
import { chooseModelError, coverageOf, recovery, trueEffectiveness } from '../dealers-evaluate.ts';
import { printTable, round } from '../io.ts';
import { score, type Candidate } from './candidates.ts';
import type { DealerData } from './data.ts';
import { LEVEL, TEST_MONTHS } from './settings.ts';

/** The demo network (another seed) the page shows, scored by the chosen model. */
export interface ScoredDemo {
	demo: GeneratedNetwork;
	demoScored: ScoredNetwork;
	demoRows: number[];
}

const ALL_MONTHS = Array.from({ length: 12 }, (_, m) => m);

/** Step 4: the interval's dispersion and model error on the validation dealers, and its coverage elsewhere (logs a table). */
export function calibrateInterval(data: DealerData, chosen: Candidate, peers: PeerReference, testScored: ScoredNetwork, dealers: number): { interval: IntervalModel } & ScoredDemo {
	const { net, validation, test, encoders } = data;
	const valScored = score(validation.table, chosen.parameters, encoders, peers);
	const dispersion = round(monthlyDispersion(valScored.dealers.dealerOfRow, validation.table.funnel.sales, valScored.expected), 4);
	const modelError = chooseModelError(valScored, trueEffectiveness(net, validation.rows, valScored, ALL_MONTHS), ALL_MONTHS, LEVEL, dispersion);
	const z = round(zForLevel(LEVEL, normalCdf), 6);
	const demo = generateNetwork(DEMO_SEED, dealers);
	const demoScored = score(demo.months, chosen.parameters, encoders, peers);
	const demoRows: number[] = Array.from({ length: demo.months.n }, (_, r) => r);
	const coverage: IntervalModel['coverage'] = [];
	const measure = (on: string, scored: ScoredNetwork, g: GeneratedNetwork, rowOf: ArrayLike<number>, months: number[]) => {
		const c = coverageOf(scored, trueEffectiveness(g, rowOf, scored, months), months, { z, dispersion, modelError });
		coverage.push({ on, months: months.length, dealers: scored.dealers.count, coverage: round(c.coverage, 4), medianWidth: round(c.medianWidth, 4) });
	};
	measure('test dealers', testScored, net, test.rows, ALL_MONTHS);
	measure('test dealers, Oct-Dec', testScored, net, test.rows, TEST_MONTHS);
	measure('test dealers, Dec', testScored, net, test.rows, [11]);
	measure('demo network', demoScored, demo, demoRows, ALL_MONTHS);
	const interval: IntervalModel = { level: LEVEL, z, dispersion, modelError, coverage };
	console.log(`\ninterval: dispersion ${dispersion}, model error ${modelError} (chosen on validation dealers for ${LEVEL * 100}% coverage)`);
	printTable(coverage.map((c) => ({ on: c.on, months: c.months, dealers: c.dealers, coverage: c.coverage, 'median width': c.medianWidth })));
	return { interval, demo, demoScored, demoRows };
}

/** Step 5: what the tool recovers of the planted effects, on the test dealers and the demo network (logs a table). */
export function measureRecovery(data: DealerData, testScored: ScoredNetwork, scoredDemo: ScoredDemo, interval: IntervalModel, dealers: number): RecoveryFigures[] {
	const { net, split, test } = data;
	const { demo, demoScored, demoRows } = scoredDemo;
	const recoveries = [
		recovery(`the ${split.test.length} test dealers, 12 months`, net, testScored, split.test, test.rows, interval),
		recovery(`the demo network (seed ${DEMO_SEED}), ${dealers.toLocaleString('en-US')} dealers, 12 months`, demo, demoScored, Array.from({ length: dealers }, (_, d) => d), demoRows, interval)
	];
	console.log('\nrecovery of the planted effects:');
	printTable(
		recoveries.map((r) => ({
			on: r.on,
			'ρ visitor share': r.spearman.visitorShare,
			'ρ conversion': r.spearman.conversion,
			'ρ closing': r.spearman.closing,
			'ρ opportunity': r.spearman.opportunity,
			...Object.fromEntries(r.visitFirst.map((v) => [`precision@${v.k}`, v.precision])),
			flagged: r.flaggedBelow.count,
			'truly below': r.flaggedBelow.trulyBelow ?? NaN,
			'weak step found': r.weakStepFound.share ?? NaN
		}))
	);
	return recoveries;
}
