/**
 * Item embeddings learnt with TensorFlow.js (CPU backend, pure JS, single-threaded) for next-basket
 * recommendation, item2vec-style over time: every item a member bought before a basket is a
 * context for every item of that basket. The pairs are counted into one catalogue x catalogue
 * table T (each predicted basket weighs 1 in all, spread evenly over its earlier purchases and its
 * items), and the model learns item vectors E, context vectors C and a bias b so that
 * softmax(E_i C^T + b) predicts row i of T (cross-entropy weighted by the row's total, full
 * softmax: 167 items need no negative sampling). A shopper is then the count-weighted mean of their
 * items' vectors. Full batch, no shuffling, initial values from our own seeded generator: the same
 * baskets and options give the same bytes, run after run (checked by a unit test and by `cmp` on
 * two training runs).
 */
import * as tf from '@tensorflow/tfjs';
import { normal, seededRandom } from '../../../src/lib/core/random.ts';

export interface EmbeddingOptions {
	dims: number;
	epochs: number;
	learningRate: number;
	/** L2 penalty on both embedding matrices. */
	l2: number;
	seed: number;
}

export interface ItemEmbeddings {
	dims: number;
	itemVectors: Float32Array;
	contextVectors: Float32Array;
	bias: Float32Array;
	/** Baskets predicted (each a training example) and the final weighted cross-entropy. */
	examples: number;
	loss: number;
}

/**
 * The pair table T (row-major nItems x nItems): for every basket after a member's first, each
 * earlier purchase i (weighted by its share of the member's earlier purchases) and each item j of
 * the basket (weighted 1 / basket size) add their product to T[i][j].
 */
export function nextBasketPairs(members: readonly (readonly (readonly number[])[])[], nItems: number): { pairs: Float64Array; examples: number } {
	const pairs = new Float64Array(nItems * nItems);
	let examples = 0;
	for (const baskets of members) {
		const counts = new Float64Array(nItems);
		let total = 0;
		for (let t = 0; t < baskets.length; t++) {
			const basket = baskets[t];
			if (t > 0 && basket.length > 0) {
				examples++;
				for (let i = 0; i < nItems; i++) {
					if (counts[i] === 0) continue;
					const w = counts[i] / total / basket.length;
					for (const j of basket) pairs[i * nItems + j] += w;
				}
			}
			for (const i of basket) counts[i]++;
			total += basket.length;
		}
	}
	return { pairs, examples };
}

function initial(rows: number, cols: number, random: () => number, sd: number): Float32Array {
	return Float32Array.from({ length: rows * cols }, () => normal(random, 0, sd));
}

/** Train the embeddings on members' baskets (each member's baskets oldest first). */
export async function trainEmbeddings(members: readonly (readonly (readonly number[])[])[], nItems: number, opts: EmbeddingOptions): Promise<ItemEmbeddings> {
	await tf.setBackend('cpu');
	const { pairs, examples } = nextBasketPairs(members, nItems);
	if (examples === 0) throw new RangeError('No member has two baskets: nothing to learn from');
	const random = seededRandom(opts.seed);
	const sd = 1 / Math.sqrt(opts.dims);
	const E = tf.variable(tf.tensor2d(initial(nItems, opts.dims, random, sd), [nItems, opts.dims]), true, 'items');
	const C = tf.variable(tf.tensor2d(initial(nItems, opts.dims, random, sd), [nItems, opts.dims]), true, 'contexts');
	const b = tf.variable(tf.zeros([nItems]), true, 'bias');
	// Pair weights as shares of all examples, so the loss is a mean cross-entropy per predicted basket.
	const T = tf.tensor2d(Float32Array.from(pairs, (v) => v / examples), [nItems, nItems]);
	const optimizer = tf.train.adam(opts.learningRate);
	const crossEntropy = () => tf.neg(T.mul(tf.logSoftmax(E.matMul(C, false, true).add(b))).sum()) as tf.Scalar;
	const lossOf = () => tf.tidy(() => crossEntropy().add(E.square().sum().add(C.square().sum()).mul(opts.l2)) as tf.Scalar);
	for (let epoch = 0; epoch < opts.epochs; epoch++) {
		const cost = optimizer.minimize(lossOf, false, [E, C, b]);
		cost?.dispose();
	}
	const loss = tf.tidy(() => crossEntropy().dataSync()[0]);
	const out: ItemEmbeddings = {
		dims: opts.dims,
		itemVectors: Float32Array.from(E.dataSync()),
		contextVectors: Float32Array.from(C.dataSync()),
		bias: Float32Array.from(b.dataSync()),
		examples,
		loss
	};
	for (const t of [E, C, b, T]) t.dispose();
	optimizer.dispose();
	return out;
}
