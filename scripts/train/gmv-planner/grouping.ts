/**
 * Step 2 of the budget planner's training: the channels' correlation over the months of spend, and
 * the groups of channels for a given number of groups (largest spend first).
 */
import { clusterByCorrelation, correlationMatrix } from '../../../src/lib/gmv/mix/grouping.ts';
import type { MixGroup } from '../../../src/lib/gmv/mix/response.ts';
import { CHANNELS, CHANNEL_LABELS } from '../../../src/lib/gmv/schema.ts';
import { round } from '../io.ts';
import type { MonthlyBudget } from './data.ts';

/** Each channel's monthly spend (in CHANNELS order, months in order) and their correlation matrix. */
export interface ChannelCorrelation {
	series: number[][];
	matrix: number[][];
}

/** The channels' monthly spend and its correlation between channels. */
export function correlateChannels(monthlyBudget: MonthlyBudget): ChannelCorrelation {
	const monthKeys = Object.keys(monthlyBudget).sort();
	const series = CHANNELS.map((c) => monthKeys.map((m) => monthlyBudget[m][c]));
	return { series, matrix: correlationMatrix(series) };
}

/** The channels in `k` groups by correlation, largest spend first. */
export function groupChannels({ series, matrix }: ChannelCorrelation, k: number): MixGroup[] {
	return makeGroups(clusterByCorrelation(matrix, k), series);
}

/** Groups from clusters of channel indices, largest spend first, with their within-group shares. */
function makeGroups(clusters: number[][], series: number[][]): MixGroup[] {
	const total = (i: number) => series[i].reduce((a, b) => a + b, 0);
	return clusters
		.map((members) => {
			const sum = members.reduce((a, i) => a + total(i), 0);
			const monthly = series[0].map((_, m) => members.reduce((a, i) => a + series[i][m], 0));
			const sorted = [...members].sort((a, b) => total(b) - total(a));
			return {
				id: '',
				label: sorted.map((i) => CHANNEL_LABELS[CHANNELS[i]]).join(', '),
				channels: sorted.map((i) => CHANNELS[i]),
				channelShares: Object.fromEntries(sorted.map((i) => [CHANNELS[i], round(sum > 0 ? total(i) / sum : 1 / members.length, 6)])),
				observedMonthly: { min: round(Math.min(...monthly), 6), max: round(Math.max(...monthly), 6) },
				sum
			};
		})
		.sort((a, b) => b.sum - a.sum)
		.map(({ sum: _sum, ...g }, i) => ({ ...g, id: `group${i + 1}` }));
}
