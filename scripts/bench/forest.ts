/**
 * Benchmark of the flat random forest against ml-random-forest: artifact size (raw and gzipped,
 * binary and base64) and batch prediction speed on the same rows, with the largest difference.
 *
 * Run directly: `npx tsx scripts/bench/forest.ts [--rows N] [--features N] [--trees N] [--batch N]`
 */

import { base64ToBytes, bytesToBase64 } from '../../src/lib/core/base64.ts';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { RandomForestRegression } from 'ml-random-forest';
import { decodeFlatForest, encodeFlatForest } from '../../src/lib/core/forest/flat.ts';
import { flattenRegressionForest } from '../../src/lib/core/forest/flatten.ts';
import { predictForest } from '../../src/lib/core/forest/predict.ts';
import { makeRegressionData } from '../../src/lib/core/forest/synthetic.ts';
import { trainForestRegressor } from '../../src/lib/core/forest/train.ts';

/** Options of {@link benchForest}; defaults keep a run under a minute. */
export interface ForestBenchOptions {
	/** Training rows (the library's tree learner is roughly quadratic in this). Default 600. */
	rows?: number;
	/** Features per row (at least 6). Default 12. */
	features?: number;
	/** Trees. Default 100. */
	trees?: number;
	/** Rows predicted in one batch by both implementations. Default 50,000. */
	batchRows?: number;
	/** Seed of data and forest. Default 1. */
	seed?: number;
}

/** What {@link benchForest} measured. Sizes in bytes, times in milliseconds. */
export interface ForestBenchResult {
	rows: number;
	features: number;
	trees: number;
	nodes: number;
	leaves: number;
	trainMs: number;
	/** `JSON.stringify(model.toJSON())`, UTF-8 bytes, and gzipped (level 9). */
	libraryJsonBytes: number;
	libraryJsonGzipBytes: number;
	/** `encodeFlatForest` output, and gzipped. */
	flatBytes: number;
	flatGzipBytes: number;
	/** The base64 text of the flat bytes (as carried in a JSON artifact), and gzipped. */
	flatBase64Bytes: number;
	flatBase64GzipBytes: number;
	/** Library JSON size divided by flat size. */
	ratioRaw: number;
	ratioGzipBinary: number;
	ratioGzipBase64: number;
	/** Library JSON size divided by base64 size (both as text in an artifact). */
	ratioRawBase64: number;
	flattenMs: number;
	encodeMs: number;
	/** `fromBase64` + `decodeFlatForest`. */
	decodeMs: number;
	/** `JSON.parse` + `RandomForestRegression.load` of the library JSON, for comparison. */
	libraryLoadMs: number;
	batchRows: number;
	libraryPredictMs: number;
	flatPredictMs: number;
	libraryRowsPerSecond: number;
	flatRowsPerSecond: number;
	speedup: number;
	/** Largest |library - flat| over the batch, and how many rows agree bit for bit. */
	maxAbsDiff: number;
	identicalRows: number;
}

function time<T>(run: () => T): [T, number] {
	const start = performance.now();
	const out = run();
	return [out, performance.now() - start];
}

const gzipLength = (data: Uint8Array | string): number => gzipSync(data, { level: 9 }).length;

/** Train a forest on synthetic data, then measure sizes and batch prediction of both forms. */
export async function benchForest(opts: ForestBenchOptions = {}): Promise<ForestBenchResult> {
	const rows = opts.rows ?? 600;
	const features = opts.features ?? 12;
	const trees = opts.trees ?? 100;
	const batchRows = opts.batchRows ?? 50_000;
	const seed = opts.seed ?? 1;

	const train = makeRegressionData(rows, features, seed);
	const [model, trainMs] = time(() =>
		trainForestRegressor(train.X, train.y, { nEstimators: trees, seed })
	);

	const json = JSON.stringify(model.toJSON());
	const libraryJsonBytes = Buffer.byteLength(json, 'utf8');
	const [flat, flattenMs] = time(() => flattenRegressionForest(model, train.X));
	const [bytes, encodeMs] = time(() => encodeFlatForest(flat));
	const base64 = bytesToBase64(bytes);
	const [decoded, decodeMs] = time(() => decodeFlatForest(base64ToBytes(base64)));
	const [, libraryLoadMs] = time(() => RandomForestRegression.load(JSON.parse(json)));

	const batch = makeRegressionData(batchRows, features, seed + 1).X;
	const packed = Float64Array.from(batch.flat());
	// Warm both up (JIT) on a small slice before timing the full batch.
	const warm = Math.min(batchRows, 1000);
	model.predict(batch.slice(0, warm));
	predictForest(decoded, packed, warm);
	const [expected, libraryPredictMs] = time(() => model.predict(batch));
	const [got, flatPredictMs] = time(() => predictForest(decoded, packed, batchRows));
	let maxAbsDiff = 0;
	let identicalRows = 0;
	for (let i = 0; i < batchRows; i++) {
		const diff = Math.abs(expected[i] - got[i]);
		if (!(diff <= maxAbsDiff)) maxAbsDiff = diff; // also catches NaN
		if (expected[i] === got[i]) identicalRows++;
	}

	const nodes = flat.feature.length;
	const flatGzipBytes = gzipLength(bytes);
	const flatBase64GzipBytes = gzipLength(base64);
	const libraryJsonGzipBytes = gzipLength(json);
	return {
		rows,
		features,
		trees,
		nodes,
		leaves: flat.feature.reduce((n, f) => n + (f < 0 ? 1 : 0), 0),
		trainMs,
		libraryJsonBytes,
		libraryJsonGzipBytes,
		flatBytes: bytes.length,
		flatGzipBytes,
		flatBase64Bytes: base64.length,
		flatBase64GzipBytes,
		ratioRaw: libraryJsonBytes / bytes.length,
		ratioGzipBinary: libraryJsonGzipBytes / flatGzipBytes,
		ratioGzipBase64: libraryJsonGzipBytes / flatBase64GzipBytes,
		ratioRawBase64: libraryJsonBytes / base64.length,
		flattenMs,
		encodeMs,
		decodeMs,
		libraryLoadMs,
		batchRows,
		libraryPredictMs,
		flatPredictMs,
		libraryRowsPerSecond: batchRows / (libraryPredictMs / 1000),
		flatRowsPerSecond: batchRows / (flatPredictMs / 1000),
		speedup: libraryPredictMs / flatPredictMs,
		maxAbsDiff,
		identicalRows
	};
}

function formatTable(r: ForestBenchResult): string {
	const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
	const ms = (n: number) => `${n.toFixed(1)} ms`;
	const x = (n: number) => `${n.toFixed(1)}x`;
	const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')} rows/s`;
	const lines: [string, string][] = [
		['data', `${r.rows} training rows x ${r.features} features, ${r.trees} trees`],
		['nodes (leaves)', `${r.nodes} (${r.leaves}), ${(r.nodes / r.trees).toFixed(0)} a tree`],
		['train', ms(r.trainMs)],
		['library JSON', `${kb(r.libraryJsonBytes)} raw, ${kb(r.libraryJsonGzipBytes)} gzip`],
		['flat binary', `${kb(r.flatBytes)} raw, ${kb(r.flatGzipBytes)} gzip`],
		['flat base64', `${kb(r.flatBase64Bytes)} raw, ${kb(r.flatBase64GzipBytes)} gzip`],
		['smaller, raw', `${x(r.ratioRaw)} binary, ${x(r.ratioRawBase64)} base64`],
		['smaller, gzip', `${x(r.ratioGzipBinary)} binary, ${x(r.ratioGzipBase64)} base64`],
		['bytes a node', `${(r.flatBytes / r.nodes).toFixed(2)} flat vs ${(r.libraryJsonBytes / r.nodes).toFixed(0)} JSON`],
		['flatten / encode', `${ms(r.flattenMs)} / ${ms(r.encodeMs)}`],
		['load', `${ms(r.decodeMs)} flat (base64 + decode) vs ${ms(r.libraryLoadMs)} library (parse + load)`],
		['predict batch', `${r.batchRows} rows`],
		['  library', `${ms(r.libraryPredictMs)}, ${rate(r.libraryRowsPerSecond)}`],
		['  flat', `${ms(r.flatPredictMs)}, ${rate(r.flatRowsPerSecond)} (${x(r.speedup)} faster)`],
		['max |diff|', `${r.maxAbsDiff} (${r.identicalRows}/${r.batchRows} rows identical)`]
	];
	const width = Math.max(...lines.map(([k]) => k.length));
	return lines.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

function parseArgs(argv: string[]): ForestBenchOptions {
	const names: Record<string, keyof ForestBenchOptions> = {
		'--rows': 'rows',
		'--features': 'features',
		'--trees': 'trees',
		'--batch': 'batchRows',
		'--seed': 'seed'
	};
	const opts: ForestBenchOptions = {};
	for (let i = 0; i < argv.length; i += 2) {
		const key = names[argv[i]];
		const value = Number(argv[i + 1]);
		if (!key || !Number.isInteger(value) || value < 0) {
			throw new RangeError(`Usage: forest.ts [--rows N] [--features N] [--trees N] [--batch N] [--seed N]`);
		}
		opts[key] = value;
	}
	return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await benchForest(parseArgs(process.argv.slice(2)));
	console.log(formatTable(result));
}
