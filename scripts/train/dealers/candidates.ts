/**
 * Step 2 of the dealer model's training: the candidates (network checkpoints and the forest)
 * trained on the training dealers and judged on the validation dealers; the smallest within
 * TOLERANCE of the best WAPE is chosen. Also the peers by size that the chosen model sets.
 */
import { regressionMetrics } from '../../../src/lib/core/metrics.ts';
import type { CandidateResult, ExpectedSalesParameters } from '../../../src/lib/dealers/artifacts.ts';
import { expectedSalesModel } from '../../../src/lib/dealers/expected.ts';
import { oneHotMask, type DealerEncoders } from '../../../src/lib/dealers/features.ts';
import type { PeerReference } from '../../../src/lib/dealers/peers.ts';
import { scoreNetwork, type ScoredNetwork } from '../../../src/lib/dealers/score.ts';
import { REGIONS, type DealerMonths } from '../../../src/lib/dealers/table.ts';
import { trainForest, trainNetwork, type NetworkSpec } from '../dealers-models.ts';
import { round } from '../io.ts';
import type { DealerData } from './data.ts';
import { TOLERANCE, type TrainingScale } from './settings.ts';

export type Candidate = CandidateResult & { parameters: ExpectedSalesParameters; bytes: number };

/** A trained network checkpoint: its spec, its epochs and its candidate name. */
export interface TrainedNetwork {
	spec: NetworkSpec;
	epochs: number;
	name: string;
}

export interface CandidateChoice {
	candidates: Candidate[];
	trained: TrainedNetwork[];
	chosen: Candidate;
	/** The best candidate of the family not chosen. */
	otherFamily: Candidate;
}

const networkName = (spec: NetworkSpec, epochs: number) => (spec.hidden.length ? `Network ${spec.hidden.join('-')}, ${epochs} epochs` : `Poisson GLM (TensorFlow.js, no hidden layer), ${epochs} epochs`);

/** Score with the shipped code; a table of fewer than 100 dealers borrows `referencePeers` (none yet: NaN). */
export function score(table: DealerMonths, parameters: ExpectedSalesParameters, encoders: DealerEncoders, referencePeers?: PeerReference): ScoredNetwork {
	const none = { cuts: [], visitorShare: [NaN], conversion: [NaN], closing: [NaN], dealers: [0] };
	return scoreNetwork(table, expectedSalesModel(parameters, encoders), { referencePeers: referencePeers ?? none, serviceRates: REGIONS.map(() => new Array(12).fill(0)) });
}

/** A candidate scored on the validation dealers (logs one line). */
function judge(data: DealerData, name: string, family: 'network' | 'forest', parameters: ExpectedSalesParameters, seconds: number): Candidate {
	const validation = data.validation.table;
	const scored = score(validation, parameters, data.encoders);
	const m = regressionMetrics(validation.funnel.sales, scored.expected);
	console.log(`  ${name}: validation WAPE ${m.wape!.toFixed(4)}, R² ${m.r2!.toFixed(4)} (${seconds.toFixed(0)} s)`);
	return { name, family, validationWape: round(m.wape!, 4), validationR2: round(m.r2!, 4), chosen: false, parameters, bytes: JSON.stringify(parameters).length };
}

/** Step 2: every network checkpoint, then the forest, judged on the validation dealers; marks the chosen one. */
export async function compareCandidates(data: DealerData, scale: TrainingScale): Promise<CandidateChoice> {
	const { Xfit, yfit, width, encoders } = data;
	const candidates: Candidate[] = [];
	const trained: TrainedNetwork[] = [];
	for (const spec of scale.networks) {
		for (const c of await trainNetwork(Xfit, yfit, width, oneHotMask(encoders), spec)) {
			const name = networkName(spec, c.epochs);
			trained.push({ spec, epochs: c.epochs, name });
			candidates.push(judge(data, name, 'network', c.parameters, c.seconds));
		}
	}
	const forest = trainForest(Xfit, yfit, width, scale.forest);
	candidates.push(judge(data, `Random forest, ${scale.forest.trees} trees of ${scale.forest.samplesPerTree} rows`, 'forest', forest.parameters, forest.seconds));
	console.log(`forest: ${forest.nodes} nodes`);
	const best = Math.min(...candidates.map((c) => c.validationWape));
	// Array.sort is stable: among equal sizes the earlier candidate (fewer epochs) wins.
	const chosen = candidates.filter((c) => c.validationWape <= best + TOLERANCE).sort((a, b) => a.bytes - b.bytes)[0];
	chosen.chosen = true;
	const otherFamily = candidates.filter((c) => c.family !== chosen.family).sort((a, b) => a.validationWape - b.validationWape)[0];
	console.log(`chosen: ${chosen.name}`);
	return { candidates, trained, chosen, otherFamily };
}

/** Peers by size from the whole training network: the reference for files with few dealers. */
export function peersOf(data: DealerData, chosen: Candidate): PeerReference {
	const whole = score(data.table, chosen.parameters, data.encoders);
	return {
		cuts: whole.peers.cuts.map((v) => round(v, 6)),
		visitorShare: whole.peers.visitorShare.map((v) => round(v, 6)),
		conversion: whole.peers.conversion.map((v) => round(v, 6)),
		closing: whole.peers.closing.map((v) => round(v, 6)),
		dealers: whole.peers.dealers
	};
}
