/**
 * The group-buy page's shopper model, bundled and checked by the one loader before the page renders
 * (at build time, so the demo group's list is in the page's HTML, and again in the browser). The
 * larger deal model is fetched after the first list is on screen. The model is decoded and the demo
 * group scored here, in a task before the page hydrates, so neither lengthens the hydration.
 */
import { error } from '@sveltejs/kit';
import shopperJson from '$artifacts/group-buy/shopper.json?raw';
import { nextTask } from '$lib/components/idle';
import { bundledArtifact } from '$lib/core/artifact/load';
import { GROUP_BUY_TOOL, type ShopperArtifact } from '$lib/group-buy/artifact';
import { firstGroup } from './groupPage.svelte';

export async function load() {
	const shopper = await bundledArtifact<ShopperArtifact>(shopperJson, { tool: GROUP_BUY_TOOL, modelId: 'shopper', requires: ['items', 'itemVectors', 'chance', 'groups'] }, 'The shopper model file (shopper.json)');
	if (!shopper.ok) error(500, shopper.message);
	const first = firstGroup(shopper.artifact);
	// The page hydrates in a task of its own, after this one's decoding and scoring.
	await nextTask();
	return { shopper: shopper.artifact, first };
}
