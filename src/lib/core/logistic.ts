/**
 * Logistic regression for a binary outcome, fitted by Newton's method (iteratively reweighted least
 * squares) on standardised features with an L2 penalty on the weights (not the intercept):
 * minimises mean log loss + (l2 / 2) * |w|^2. With `l2 = 1 / (C * n)` this is scikit-learn's
 * `LogisticRegression(C=C)` on the same standardised features. The model keeps the scaling, so it
 * predicts on raw features; its weights are per standard deviation of each feature (comparable).
 *
 * Pure TS, no DOM: trained in Node, applied in the browser.
 */

export interface LogisticModel {
	kind: 'logistic';
	/** Means and standard deviations the features are standardised with. */
	mean: number[];
	std: number[];
	/** One weight per standardised feature: the change in log-odds per standard deviation. */
	weights: number[];
	intercept: number;
	l2: number;
}

export interface LogisticOptions {
	/** Penalty on the squared weights (see above). Default 1e-6. */
	l2?: number;
	/** Newton steps at most. Default 50. */
	maxIterations?: number;
}

function sigmoid(z: number): number {
	return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Solve A x = b for a symmetric positive definite A (row-major, d x d) by Cholesky. */
function solveSpd(A: Float64Array, b: Float64Array, d: number): Float64Array {
	const L = new Float64Array(d * d);
	for (let i = 0; i < d; i++) {
		for (let j = 0; j <= i; j++) {
			let s = A[i * d + j];
			for (let k = 0; k < j; k++) s -= L[i * d + k] * L[j * d + k];
			if (i === j) {
				if (!(s > 0)) throw new RangeError('The logistic Hessian is not positive definite: constant or duplicate features? Add l2.');
				L[i * d + i] = Math.sqrt(s);
			} else L[i * d + j] = s / L[j * d + j];
		}
	}
	const z = new Float64Array(d);
	for (let i = 0; i < d; i++) {
		let s = b[i];
		for (let k = 0; k < i; k++) s -= L[i * d + k] * z[k];
		z[i] = s / L[i * d + i];
	}
	const x = new Float64Array(d);
	for (let i = d - 1; i >= 0; i--) {
		let s = z[i];
		for (let k = i + 1; k < d; k++) s -= L[k * d + i] * x[k];
		x[i] = s / L[i * d + i];
	}
	return x;
}

/** Fit on row-major `X` (n rows of `nFeatures`) and 0/1 labels `y`. Deterministic. */
export function fitLogistic(X: ArrayLike<number>, y: ArrayLike<number>, nFeatures: number, opts: LogisticOptions = {}): LogisticModel {
	const n = y.length;
	const p = nFeatures;
	if (n === 0 || X.length !== n * p) throw new RangeError(`X has ${X.length} values, not ${n} rows of ${p}`);
	let positives = 0;
	for (let i = 0; i < n; i++) {
		if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`Label ${i} is ${y[i]}; labels are 0 or 1`);
		positives += y[i];
	}
	if (positives === 0 || positives === n) throw new RangeError('Both classes are needed to fit a logistic model');
	const l2 = opts.l2 ?? 1e-6;
	const maxIterations = opts.maxIterations ?? 50;
	const mean = new Array<number>(p).fill(0);
	const std = new Array<number>(p).fill(0);
	for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j] += X[i * p + j] / n;
	for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) std[j] += (X[i * p + j] - mean[j]) ** 2 / n;
	for (let j = 0; j < p; j++) std[j] = Math.sqrt(std[j]) || 1;
	// Standardised design with a leading 1 for the intercept.
	const d = p + 1;
	const Z = new Float64Array(n * d);
	for (let i = 0; i < n; i++) {
		Z[i * d] = 1;
		for (let j = 0; j < p; j++) Z[i * d + 1 + j] = (X[i * p + j] - mean[j]) / std[j];
	}
	const beta = new Float64Array(d);
	beta[0] = Math.log(positives / (n - positives));
	const objective = (b: Float64Array): number => {
		let loss = 0;
		for (let i = 0; i < n; i++) {
			let z = 0;
			for (let j = 0; j < d; j++) z += Z[i * d + j] * b[j];
			// log(1 + e^z) - y z, computed stably.
			loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z;
		}
		let penalty = 0;
		for (let j = 1; j < d; j++) penalty += b[j] * b[j];
		return loss / n + (l2 / 2) * penalty;
	};
	let current = objective(beta);
	for (let iter = 0; iter < maxIterations; iter++) {
		const grad = new Float64Array(d);
		const H = new Float64Array(d * d);
		for (let i = 0; i < n; i++) {
			let z = 0;
			for (let j = 0; j < d; j++) z += Z[i * d + j] * beta[j];
			const pi = sigmoid(z);
			const w = pi * (1 - pi);
			const r = pi - y[i];
			for (let j = 0; j < d; j++) {
				const zj = Z[i * d + j];
				grad[j] += (r * zj) / n;
				for (let k = 0; k <= j; k++) H[j * d + k] += (w * zj * Z[i * d + k]) / n;
			}
		}
		for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) H[k * d + j] = H[j * d + k];
		for (let j = 1; j < d; j++) {
			grad[j] += l2 * beta[j];
			H[j * d + j] += l2;
		}
		const step = solveSpd(H, grad, d);
		// Halve the step until the objective does not rise (Newton can overshoot far from the optimum).
		let scale = 1;
		let next = beta;
		let value = current;
		for (let tries = 0; tries < 30; tries++) {
			next = beta.map((b, j) => b - scale * step[j]);
			value = objective(next);
			if (value <= current) break;
			scale /= 2;
		}
		let largest = 0;
		for (let j = 0; j < d; j++) largest = Math.max(largest, Math.abs(next[j] - beta[j]));
		beta.set(next);
		current = value;
		if (largest < 1e-10) break;
	}
	return { kind: 'logistic', mean, std, weights: Array.from(beta.subarray(1)), intercept: beta[0], l2 };
}

/** The model's log-odds for one row of raw features. */
export function logisticLogit(model: LogisticModel, row: ArrayLike<number>): number {
	let z = model.intercept;
	for (let j = 0; j < model.weights.length; j++) z += (model.weights[j] * (row[j] - model.mean[j])) / model.std[j];
	return z;
}

/** The probability of class 1 for one row of raw features. */
export function predictLogistic(model: LogisticModel, row: ArrayLike<number>): number {
	return sigmoid(logisticLogit(model, row));
}
