/**
 * What the segments model card shows beyond the generic card: the Insiders beside a plain RFM
 * segmentation (the same customers' top groups, by revenue for their share of customers), in a
 * table and in words. Pure, no DOM.
 */
import type { SegmentsArtifact } from './artifact';

export interface TopGroup {
	name: string;
	note: string;
	size: number;
	customerShare: number;
	revenueShare: number;
	/** Revenue share divided by customer share: how many times its share of customers it earns. */
	lift: number;
	isModel: boolean;
}

function lift(revenueShare: number, customerShare: number): number {
	return customerShare > 0 ? revenueShare / customerShare : NaN;
}

/** The Insiders, the RFM "555" cell and the RFM top score of about the Insiders' size. */
export function topGroups(artifact: Pick<SegmentsArtifact, 'profiles' | 'insiders' | 'rfmBaseline'>): TopGroup[] {
	const insiders = artifact.profiles[artifact.insiders];
	const { top555, topScore } = artifact.rfmBaseline;
	return [
		{ name: insiders.name, note: 'this model’s top cluster', ...pick(insiders), lift: lift(insiders.revenueShare, insiders.customerShare), isModel: true },
		{ name: 'RFM “555”', note: 'top fifth on recency, frequency and monetary', ...pick(top555), lift: lift(top555.revenueShare, top555.customerShare), isModel: false },
		{ name: `RFM score ≥ ${topScore.minScore}`, note: 'highest R+F+M totals, about as many as the Insiders', ...pick(topScore), lift: lift(topScore.revenueShare, topScore.customerShare), isModel: false }
	];
}

function pick(g: { size: number; customerShare: number; revenueShare: number }) {
	return { size: g.size, customerShare: g.customerShare, revenueShare: g.revenueShare };
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const times = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '–');

/** The comparison in words: which group earns most for its size, and whether the clusters beat an RFM score of the same size. */
export function topGroupReading(groups: readonly TopGroup[]): string[] {
	const [model, , sameSize] = groups;
	const ranked = groups.filter((g) => Number.isFinite(g.lift)).sort((a, b) => b.lift - a.lift);
	if (!ranked.length || !Number.isFinite(model.lift)) return [];
	const lines: string[] = [];
	const top = ranked[0];
	if (top.isModel) {
		lines.push(`The ${model.name} earn the most revenue for their share of customers: ${percent(model.revenueShare)} of revenue from ${percent(model.customerShare)} of customers, ${times(model.lift)} their share.`);
	} else {
		lines.push(
			`Per share of customers, ${top.name} captures more revenue than the ${model.name}: ${percent(top.revenueShare)} of revenue from ${percent(top.customerShare)} of customers (${times(top.lift)} its share), against ${percent(model.revenueShare)} from ${percent(model.customerShare)} (${times(model.lift)}) for the ${model.name}.`
		);
		if (top.customerShare < model.customerShare && top.revenueShare < model.revenueShare) lines.push('It is a smaller group, so it holds less of the revenue in all.');
	}
	if (sameSize !== top && Number.isFinite(sameSize.lift)) {
		const ratio = model.lift / sameSize.lift;
		const verdict =
			ratio >= 1.1
				? 'the clusters pick out more valuable customers than a plain RFM score of the same size'
				: ratio <= 1 / 1.1
					? 'a plain RFM score of the same size picks out more valuable customers than the clusters do'
					: 'a plain RFM score of the same size picks out the top customers about as well as the clusters do';
		lines.push(`At about the same size, ${sameSize.name} holds ${percent(sameSize.revenueShare)} of revenue from ${percent(sameSize.customerShare)} of customers (${times(sameSize.lift)}): ${verdict}.`);
		if (ratio < 1.1) lines.push('What the clusters add is a description of the other customers, not a better list of the best ones.');
	}
	return lines;
}
