/**
 * Which channels can be told apart: average-linkage clustering of the channels on the correlation
 * of their monthly spend (distance 1 - r). Channels whose spend rose and fell together over the
 * year land in one group; the planner fits one response per group, because the data cannot say
 * which channel of a group did the work. Pure and deterministic (ties broken by channel order).
 */
import { correlation } from '../../core/stats';

/** The correlation matrix of channels (rows of `series`: one channel's monthly spend). */
export function correlationMatrix(series: readonly (readonly number[])[]): number[][] {
	return series.map((a) => series.map((b) => correlation(a, b)));
}

/**
 * Cluster items into `k` groups by average linkage on 1 - correlation. Returns groups of item
 * indices, each sorted, in order of their first item.
 */
export function clusterByCorrelation(corr: readonly (readonly number[])[], k: number): number[][] {
	let clusters = corr.map((_, i) => [i]);
	const linkage = (a: number[], b: number[]) => {
		let s = 0;
		for (const i of a) for (const j of b) s += 1 - corr[i][j];
		return s / (a.length * b.length);
	};
	while (clusters.length > Math.max(1, k)) {
		let best = [0, 1];
		let bestD = Infinity;
		for (let i = 0; i < clusters.length; i++)
			for (let j = i + 1; j < clusters.length; j++) {
				const d = linkage(clusters[i], clusters[j]);
				if (d < bestD - 1e-12) {
					bestD = d;
					best = [i, j];
				}
			}
		const merged = [...clusters[best[0]], ...clusters[best[1]]].sort((x, y) => x - y);
		clusters = clusters.filter((_, i) => i !== best[0] && i !== best[1]);
		clusters.push(merged);
		clusters.sort((x, y) => x[0] - y[0]);
	}
	return clusters;
}

/** The lowest correlation between two members of a group, and the highest to a channel outside it. */
export function groupSeparation(corr: readonly (readonly number[])[], group: readonly number[]): { within: number; outside: number } {
	let within = 1;
	let outside = -1;
	for (const i of group)
		for (let j = 0; j < corr.length; j++) {
			if (i === j) continue;
			if (group.includes(j)) within = Math.min(within, corr[i][j]);
			else outside = Math.max(outside, corr[i][j]);
		}
	return { within, outside };
}
