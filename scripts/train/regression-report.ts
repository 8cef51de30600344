/** Regression metrics as the artifacts carry them and as the training logs print them. */
import type { RegressionMetrics } from '../../src/lib/core/artifact/types.ts';
import { round } from './io.ts';

/** WAPE, MAPE and R² to 4 significant digits, MAE to `maeDigits`. */
export function roundRegressionMetrics(m: RegressionMetrics, maeDigits: number): RegressionMetrics {
	const r = (v: number | null, digits: number) => (v === null ? null : round(v, digits));
	const out: RegressionMetrics = { n: m.n, wape: r(m.wape, 4), mae: r(m.mae, maeDigits), mape: r(m.mape, 4), r2: r(m.r2, 4) };
	if (m.undefinedBecause) out.undefinedBecause = m.undefinedBecause;
	return out;
}
