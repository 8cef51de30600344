/**
 * One shopper's recommendations: a blend of how popular an item is, how close it sits to the
 * shopper's own items in the learnt item embeddings, and how often the shopper bought it before.
 * A shopper is only the counts of the items they bought (or ticked): no user table, so a new
 * shopper, or one typed into the form, is scored the same way as one from a purchase log.
 *
 * score(item) = wPop * z(log(1 + popularity)) + wEmb * z_shopper(u . c_item + b_item) + wRebuy * log(1 + count)
 * where u is the mean item vector of the shopper's purchases (weighted by count), c_item the
 * item's context vector and b_item its bias (all learnt with TensorFlow.js in training: u . c + b
 * is that model's own next-basket logit), and z_shopper standardises over the catalogue for this
 * shopper, so the weights compare like with like. A shopper with no purchases has u = 0: the
 * embedding term is then the bias alone, how often the item turns up in a next basket.
 *
 * Pure TS, no DOM: training evaluates with this code, the page runs it.
 */

export interface BlendWeights {
	popularity: number;
	embedding: number;
	rebuy: number;
}

export interface ShopperModel {
	nItems: number;
	dims: number;
	/** Standardised log(1 + baskets holding the item) over the catalogue. */
	popularity: Float64Array;
	/** nItems x dims, row-major: what a purchase says about the shopper. */
	itemVectors: Float32Array;
	/** nItems x dims, row-major: what the shopper's vector says about an item. */
	contextVectors: Float32Array;
	/** The next-basket model's bias per item. */
	bias: Float32Array;
	weights: BlendWeights;
}

/** z-scores of `values` (all zeros when they are constant). */
export function standardise(values: ArrayLike<number>): Float64Array {
	const n = values.length;
	let mean = 0;
	for (let i = 0; i < n; i++) mean += values[i] / n;
	let v = 0;
	for (let i = 0; i < n; i++) v += (values[i] - mean) ** 2 / n;
	const sd = Math.sqrt(v);
	const out = new Float64Array(n);
	if (!(sd > 1e-12)) return out;
	for (let i = 0; i < n; i++) out[i] = (values[i] - mean) / sd;
	return out;
}

/** The shopper's vector: the count-weighted mean of their items' vectors (null when they have none). */
export function shopperVector(model: ShopperModel, counts: ArrayLike<number>): Float64Array | null {
	const { dims, itemVectors } = model;
	const u = new Float64Array(dims);
	let total = 0;
	for (let i = 0; i < model.nItems; i++) {
		const c = counts[i];
		if (!(c > 0)) continue;
		total += c;
		for (let d = 0; d < dims; d++) u[d] += c * itemVectors[i * dims + d];
	}
	if (total === 0) return null;
	for (let d = 0; d < dims; d++) u[d] /= total;
	return u;
}

/** The next-basket model's logit of every item for this shopper (u . c + b), standardised over the catalogue. */
export function embeddingScores(model: ShopperModel, counts: ArrayLike<number>): Float64Array {
	const u = shopperVector(model, counts);
	const { dims, contextVectors, bias } = model;
	const raw = new Float64Array(model.nItems);
	for (let j = 0; j < model.nItems; j++) {
		let s = bias[j];
		if (u) for (let d = 0; d < dims; d++) s += u[d] * contextVectors[j * dims + d];
		raw[j] = s;
	}
	return standardise(raw);
}

/** The blended score of every catalogue item for a shopper with these purchase counts. */
export function shopperScores(model: ShopperModel, counts: ArrayLike<number>, weights: BlendWeights = model.weights): Float64Array {
	if (counts.length !== model.nItems) throw new RangeError(`${counts.length} counts for a catalogue of ${model.nItems} items`);
	const out = new Float64Array(model.nItems);
	const affinity = weights.embedding !== 0 ? embeddingScores(model, counts) : null;
	for (let j = 0; j < model.nItems; j++) {
		out[j] = weights.popularity * model.popularity[j] + weights.rebuy * Math.log1p(Math.max(0, counts[j] || 0));
		if (affinity) out[j] += weights.embedding * affinity[j];
	}
	return out;
}

/** The `k` best items, highest score first; ties go to the lower catalogue index (so lists never depend on row order). */
export function topItems(scores: ArrayLike<number>, k: number): number[] {
	const items = Array.from({ length: scores.length }, (_, i) => i);
	items.sort((a, b) => scores[b] - scores[a] || a - b);
	return items.slice(0, k);
}

/** The popularity term: standardised log(1 + baskets holding each item). */
export function popularityScores(basketCounts: ArrayLike<number>): Float64Array {
	return standardise(Array.from(basketCounts, (c) => Math.log1p(c)));
}
