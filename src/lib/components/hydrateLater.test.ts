import { describe, expect, it } from 'vitest';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import HydrateLater from './HydrateLater.svelte';
import ProgressBar from './ProgressBar.svelte';
import { isPrerendered, markTakenOver, propsReader } from './hydrateLater';

describe('HydrateLater on the server', () => {
	it('writes the part’s own markup inside a named box, with ids that carry the part’s name', () => {
		const { body } = render(HydrateLater, { props: { name: 'reading', component: ProgressBar as unknown as Component<Record<string, unknown>>, props: { value: 0.25, label: 'Reading the file' } } });
		expect(body).toContain('data-hydrate-later="reading"');
		expect(body).toContain('Reading the file');
		expect(body).toContain('25%');
		// The part's $props.id() does not collide with the page's own ids.
		expect(body).toMatch(/<progress id="reading-s\d+"/);
		// The part's markup starts where `hydrate` looks for it: a hydration start marker inside the box.
		expect(body).toMatch(/data-hydrate-later="reading"[^>]*>(<!--[^>]*-->)?<!--\[-->/);
	});
});

describe('propsReader', () => {
	it('reads the current props on every access, so a part hydrated on its own follows the page', () => {
		let current: Record<string, unknown> = { size: 6, label: 'six' };
		const props = propsReader(() => current);
		expect(props.size).toBe(6);
		current = { size: 25, label: 'twenty-five' };
		expect(props.size).toBe(25);
		expect({ ...props }).toEqual({ size: 25, label: 'twenty-five' });
		expect('label' in props).toBe(true);
		expect('other' in props).toBe(false);
		expect(Object.keys(props)).toEqual(['size', 'label']);
	});
});

describe('isPrerendered', () => {
	function fakeRoot(parts: { name: string; taken: boolean }[]) {
		const elements = parts.map((p) => {
			const attributes = new Map<string, string>([['data-hydrate-later', p.name]]);
			if (p.taken) attributes.set('data-taken-over', '');
			return {
				getAttribute: (key: string) => attributes.get(key) ?? null,
				hasAttribute: (key: string) => attributes.has(key),
				setAttribute: (key: string, value: string) => void attributes.set(key, value)
			};
		});
		return { root: { querySelectorAll: () => elements } as unknown as ParentNode, elements };
	}

	it('is true only for a part the server wrote that no one has taken over yet', () => {
		const { root, elements } = fakeRoot([
			{ name: 'ranked-list', taken: false },
			{ name: 'tool-menu', taken: true }
		]);
		expect(isPrerendered('ranked-list', root)).toBe(true);
		expect(isPrerendered('tool-menu', root)).toBe(false);
		expect(isPrerendered('group-list', root)).toBe(false);
		markTakenOver(elements[0] as unknown as Element);
		expect(isPrerendered('ranked-list', root)).toBe(false);
	});
});
