/**
 * The group-buy page's state: the shipped models (fetched and hash-checked), the group being
 * edited, the aggregation, the planned deal, and what they give. The URL carries the group, the
 * method and the deal (src/lib/group-buy/url.ts).
 */
import { nextTask } from '$lib/components/idle';
import { loadArtifact } from '$lib/core/artifact/load';
import { GROUP_BUY_TOOL, type DealArtifact, type ShopperArtifact } from '$lib/group-buy/artifact';
import type { DealHistory } from '$lib/group-buy/deal';
import type { Aggregation } from '$lib/group-buy/group';
import { groupView, memberChances, type GroupView } from '$lib/group-buy/groupView';
import { dealModel, fillChance, shopperModel, type DealModel } from '$lib/group-buy/model';
import { sampleMembers } from '$lib/group-buy/sample';
import type { ShopperModel } from '$lib/group-buy/shopper';
import { decodeState, encodeState, MAX_MEMBERS, type GroupMember, type PageState } from '$lib/group-buy/url';

/** The demo group on the first view: seeded, drawn from aggregate item counts only. */
export const DEMO_SEED = 11;
export const DEMO_SIZE = 8;
export const DEFAULT_DEAL_SIZE = 3;
/**
 * Organiser track records the advice compares (past launches, of which filled). BeiBei keeps at
 * most 2 filled deals per organiser, so records with more fills are outside what the data shows.
 */
export const TRACK_RECORDS: readonly { launches: number; fills: number }[] = [
	{ launches: 0, fills: 0 },
	{ launches: 1, fills: 0 },
	{ launches: 1, fills: 1 },
	{ launches: 3, fills: 0 },
	{ launches: 3, fills: 1 },
	{ launches: 10, fills: 0 },
	{ launches: 10, fills: 1 }
];

/** The shopper model decoded, and the demo group with its members' buying chances: what the first view needs. */
export interface FirstGroup {
	model: ShopperModel;
	members: GroupMember[];
	chances: Float64Array[];
}

function demoMembers(shopper: ShopperArtifact, count: number): GroupMember[] {
	return sampleMembers(shopper.basketCounts, count, DEMO_SEED).map((m) => ({ name: m.name, items: m.usual }));
}

/** Decode the model and score the demo group (the page's load does it, in a task before the page hydrates). */
export function firstGroup(shopper: ShopperArtifact): FirstGroup {
	const model = shopperModel(shopper);
	const members = demoMembers(shopper, DEMO_SIZE);
	return { model, members, chances: memberChances(model, shopper, members) };
}

export class GroupPage {
	readonly shopper: ShopperArtifact;
	readonly model: ShopperModel;
	deal = $state.raw<DealModel | null>(null);
	dealError = $state('');
	private dealLoading = false;

	// Replaced, never edited in place (so the demo group is known by identity).
	members = $state.raw<GroupMember[]>([]);
	method = $state<Aggregation>('average');
	/** True once the person chose a method (the URL then carries it). */
	methodChosen = $state(false);
	dealHistory = $state<DealHistory | null>(null);
	dealSize = $state(DEFAULT_DEAL_SIZE);
	/** What could not be read from the link. */
	linkProblems = $state<string[]>([]);
	/** Where the group came from, in words ("the demo group", "members 1 to 30 of log.csv"). */
	source = $state('the demo group (generated)');

	// The demo group's chances come from the load (firstGroup); any other group's are computed here.
	chances = $derived.by(() => (this.members === this.first.members ? this.first.chances : memberChances(this.model, this.shopper, this.members)));
	view = $derived.by<GroupView | null>(() => (this.members.length > 0 ? groupView(this.shopper, this.members, this.chances, this.method, this.dealSize) : null));
	fill = $derived.by(() => (this.deal && this.dealHistory ? fillChance(this.deal, this.dealHistory) : null));
	/** The fill chance of this deal for other organisers' track records. */
	records = $derived.by(() => {
		const h = this.dealHistory;
		const d = this.deal;
		if (!d || !h) return [];
		return TRACK_RECORDS.map((r) => ({ ...r, chance: fillChance(d, { ...h, organiserLaunches: r.launches, organiserFills: r.fills }) }));
	});

	constructor(
		shopper: ShopperArtifact,
		private readonly first: FirstGroup,
		private readonly dealUrl: string
	) {
		this.shopper = shopper;
		this.model = first.model;
		this.method = shopper.groups.default;
		this.members = first.members;
	}

	/** Apply the group, method and deal in the link (or a saved group's), if any (the demo group stays otherwise). */
	applyLink(params: URLSearchParams, source = 'the group in the link'): void {
		const { state, problems } = decodeState(params, this.shopper.items.length);
		this.linkProblems = problems;
		if (state.members.length > 0) {
			this.members = state.members;
			this.source = source;
		}
		if (state.method) {
			this.method = state.method;
			this.methodChosen = true;
		}
		if (state.dealSize) this.dealSize = state.dealSize;
		if (state.deal) this.dealHistory = state.deal;
	}

	/** Load the deal model when the deal's part of the page is built: the download and check in one task, decoding its forest in the next. */
	async loadDeal(): Promise<void> {
		if (this.deal || this.dealLoading) return;
		this.dealLoading = true;
		try {
			const artifact = await loadArtifact<DealArtifact>(this.dealUrl, { tool: GROUP_BUY_TOOL, modelId: 'deal' });
			await nextTask();
			const d = dealModel(artifact);
			this.dealHistory ??= { ...d.artifact.typical };
			this.deal = d;
		} catch (error) {
			this.dealError = error instanceof Error ? error.message : String(error);
		} finally {
			this.dealLoading = false;
		}
	}

	useDemo(): void {
		this.members = this.first.members;
		this.source = 'the demo group (generated)';
	}

	replaceMembers(members: GroupMember[], source: string): void {
		this.members = members.slice(0, MAX_MEMBERS);
		this.source = source;
	}

	chooseMethod(m: Aggregation): void {
		this.method = m;
		this.methodChosen = true;
	}

	/** What the URL (and a saved group) holds. */
	pageState(): PageState {
		return {
			members: this.members,
			method: this.methodChosen ? this.method : null,
			deal: this.dealHistory,
			dealSize: this.dealSize === DEFAULT_DEAL_SIZE ? null : this.dealSize
		};
	}

	/** The URL query for the current state. */
	query(): string {
		return encodeState(this.pageState()).toString();
	}
}
