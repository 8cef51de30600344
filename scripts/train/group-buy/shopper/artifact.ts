/**
 * The shopper artifact: the blend's popularity, embeddings and weights, the chance calibration,
 * the items and their aisles, the selection, the group scores, the reproduced reference figures
 * and where the data came from.
 */
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION } from '../../../../src/lib/core/artifact/types.ts';
import { bytesToBase64 } from '../../../../src/lib/core/base64.ts';
import type { IsotonicCalibration } from '../../../../src/lib/core/calibration.ts';
import { aisleOf } from '../../../../src/lib/group-buy/aisles.ts';
import { GROUP_BUY_TOOL, type GroupEvaluation, type ShopperArtifact } from '../../../../src/lib/group-buy/artifact.ts';
import { hashFiles, round } from '../../io.ts';
import type { GroceriesData } from '../groceries.ts';
import type { BlendChoice } from './selection.ts';
import { EMBEDDING, SEED, VERSION } from './settings.ts';
import type { ShopperTest } from './test.ts';

/** Every step's result the artifact is built from. */
export interface ShopperTraining {
	g: GroceriesData;
	choice: BlendChoice;
	chance: IsotonicCalibration;
	tested: ShopperTest;
	checked: Pick<ShopperArtifact, 'chanceCheck' | 'rebuy'>;
	groups: GroupEvaluation;
}

/** A Float32Array's bytes as base64. */
const f32 = (a: Float32Array) => bytesToBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

/** The shopper artifact, its content hash still empty (writeArtifact fills it). */
export function buildShopperArtifact({ g, choice, chance, tested, checked, groups }: ShopperTraining): ShopperArtifact {
	const { selection, weights, dims, val } = choice;
	const { test, figures, report } = tested;
	return {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: GROUP_BUY_TOOL,
		modelId: 'shopper',
		version: VERSION,
		contentHash: '',
		modelKind: 'embedding-popularity-blend',
		label: 'Popularity, item embeddings and re-buys, blended',
		features: ["item's popularity", "closeness to the shopper's items (embeddings)", 'times the shopper bought it'],
		inputRanges: {},
		provenance: {
			source: '"Groceries dataset" (Kaggle): grocery purchases as member, date, item; a basket is one member on one date.',
			licence: 'GPL-2 as stated on Kaggle: used for training and evaluation only. The site ships derived model parameters, aggregate item counts and item names, never a row.',
			synthetic: false,
			rows: g.lines,
			period: g.period,
			split: `Every member with at least 2 baskets (${test.held.length.toLocaleString('en-US')}) has the last basket held out and recommended from the earlier ones (re-buys count), as ../shared/bench/groupbuy_baselines.py. Blend weights, chances and the group default were chosen on each member's second-to-last basket (${val.held.length.toLocaleString('en-US')} members with at least 3), learning from nothing after it; the model was then refitted without each member's last basket and tested once.`,
			trainRows: test.baskets,
			testRows: test.held.length,
			dataHash: hashFiles([g.file])
		},
		metrics: report,
		hyperparameters: { library: 'TensorFlow.js 4 (CPU backend)', dims, dimsTried: EMBEDDING.dimsTried.join(', '), epochs: EMBEDDING.epochs, batch: 'full', optimizer: 'adam', learningRate: EMBEDDING.learningRate, l2: EMBEDDING.l2, seed: SEED, blend: `popularity ${weights.popularity}, embedding ${weights.embedding}, re-buy ${weights.rebuy}`, chosenOn: `${val.held.length} validation members (second-to-last baskets)` },
		items: g.items,
		aisles: g.items.map(aisleOf),
		basketCounts: Array.from(test.counts),
		trainingBaskets: test.baskets,
		dims,
		itemVectors: f32(test.embeddings.itemVectors),
		contextVectors: f32(test.embeddings.contextVectors),
		bias: f32(test.embeddings.bias),
		weights,
		chance: { ...chance, x: chance.x.map((v) => round(v, 10)), y: chance.y.map((v) => round(v, 10)) },
		chanceCheck: checked.chanceCheck,
		selection,
		groups,
		reproduced: figures,
		rebuy: checked.rebuy
	};
}
