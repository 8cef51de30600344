/**
 * What the group-buy page keeps on the device (core/history): a group ("Save this group") as its
 * link parameters (the same codec as the URL, so a reopened group is validated exactly like a
 * shared link). Pure: no DOM.
 */
import type { NewRun, SavedRun } from '../core/history';
import { GROUP_BUY_TOOL } from './artifact';
import { AGGREGATION_LABELS, type Aggregation } from './group';
import { decodeState, encodeState, type PageState } from './url';

export const GROUP_KIND = 'group';
export const GROUP_PAYLOAD_VERSION = 1;

export interface GroupPayload {
	/** The page's state as URL search parameters (encodeState). */
	link: string;
}

/** "Asha, Ravi and 6 more" */
export function groupName(state: PageState): string {
	const names = state.members.map((m) => m.name);
	if (names.length <= 2) return names.join(' and ') || 'Empty group';
	return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

export function groupRun(state: PageState, method: Aggregation, topItems: string[]): NewRun<GroupPayload> {
	return {
		tool: GROUP_BUY_TOOL,
		kind: GROUP_KIND,
		name: groupName(state),
		summary: `${state.members.length} ${state.members.length === 1 ? 'member' : 'members'}, ${AGGREGATION_LABELS[method].toLowerCase()}: ${topItems.slice(0, 3).join(', ')}`,
		payload: { link: encodeState(state).toString() },
		payloadVersion: GROUP_PAYLOAD_VERSION
	};
}

/** The link parameters of a saved group, and what could not be read; null when it is not a group this page reads. */
export function groupFromRun(run: SavedRun, nItems: number): { params: URLSearchParams; problems: string[] } | null {
	if (run.kind !== GROUP_KIND || run.payloadVersion !== GROUP_PAYLOAD_VERSION) return null;
	const p = run.payload as Partial<GroupPayload> | null;
	if (typeof p?.link !== 'string') return null;
	const params = new URLSearchParams(p.link);
	const { state, problems } = decodeState(params, nItems);
	return state.members.length ? { params, problems } : null;
}
