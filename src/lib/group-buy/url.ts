/**
 * The page's state in the URL, so a copied link reproduces the group, the method and the planned
 * deal: `members` = name~item.item|name~item (catalogue indices), `method`, `deal` = item launches.
 * item fills.organiser launches.organiser fills.joins, `size` = the deal's size. Reading is
 * forgiving: whatever cannot be read is dropped and reported, never guessed. Pure TS, no DOM.
 */
import { AGGREGATIONS, type Aggregation } from './group';
import { DEAL_HISTORY_FIELDS, dealHistoryProblem, type DealHistory } from './deal';

export const MAX_MEMBERS = 30;
export const MAX_NAME = 40;

export interface GroupMember {
	name: string;
	/** Ticked catalogue items, ascending. */
	items: number[];
}

export interface PageState {
	members: GroupMember[];
	method: Aggregation | null;
	deal: DealHistory | null;
	dealSize: number | null;
}

export function encodeState(s: PageState): URLSearchParams {
	const p = new URLSearchParams();
	p.set('members', s.members.map((m) => `${m.name.replaceAll('~', ' ').replaceAll('|', ' ')}~${m.items.join('.')}`).join('|'));
	if (s.method) p.set('method', s.method);
	if (s.deal) p.set('deal', DEAL_HISTORY_FIELDS.map((k) => s.deal![k]).join('.'));
	if (s.dealSize) p.set('size', String(s.dealSize));
	return p;
}

/** The state in `params` (null fields when absent), and what could not be read. */
export function decodeState(params: URLSearchParams, nItems: number): { state: PageState; problems: string[] } {
	const problems: string[] = [];
	const state: PageState = { members: [], method: null, deal: null, dealSize: null };
	const members = params.get('members');
	if (members !== null && members !== '') {
		for (const part of members.split('|')) {
			const [rawName, rawItems = ''] = part.split('~');
			const name = rawName.trim().slice(0, MAX_NAME);
			if (!name) {
				problems.push('a member without a name was left out');
				continue;
			}
			if (state.members.length >= MAX_MEMBERS) {
				problems.push(`only the first ${MAX_MEMBERS} members were kept`);
				break;
			}
			const items = new Set<number>();
			for (const t of rawItems.split('.').filter(Boolean)) {
				const i = Number(t);
				if (Number.isInteger(i) && i >= 0 && i < nItems) items.add(i);
				else problems.push(`${name}: item "${t}" is not in the catalogue`);
			}
			state.members.push({ name, items: [...items].sort((a, b) => a - b) });
		}
	}
	const method = params.get('method');
	if (method !== null) {
		if ((AGGREGATIONS as readonly string[]).includes(method)) state.method = method as Aggregation;
		else problems.push(`method "${method}" is not one of ${AGGREGATIONS.join(', ')}`);
	}
	const deal = params.get('deal');
	if (deal !== null) {
		const values = deal.split('.').map(Number);
		const h = Object.fromEntries(DEAL_HISTORY_FIELDS.map((k, i) => [k, values[i]])) as unknown as DealHistory;
		const problem = values.length === DEAL_HISTORY_FIELDS.length ? dealHistoryProblem(h) : `it needs ${DEAL_HISTORY_FIELDS.length} numbers`;
		if (problem) problems.push(`the planned deal could not be read: ${problem}`);
		else state.deal = h;
	}
	const size = params.get('size');
	if (size !== null) {
		const n = Number(size);
		if (Number.isInteger(n) && n >= 2 && n <= 100) state.dealSize = n;
		else problems.push(`deal size "${size}" is not a whole number from 2 to 100`);
	}
	return { state, problems };
}
