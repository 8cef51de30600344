/**
 * The planner's 80% range: the spread of a prediction over the bootstrap refits (what the data
 * cannot pin down), widened by the 10th and 90th percentiles of actual / predicted on weeks the fit
 * had not seen (what a single week adds). Its coverage is measured on the held-out weeks by training.
 */
import { quantile } from '../../core/metrics';

export function range80(predictions: readonly number[], ratio: { low: number; high: number }): [number, number] {
	return [quantile(predictions, 0.1) * ratio.low, quantile(predictions, 0.9) * ratio.high];
}
