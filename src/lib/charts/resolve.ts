/**
 * Turning colour tokens (see `theme.ts`) into colours, when `Chart.svelte` draws: loaded with
 * chart.js, not with the page. Pure TS, no DOM (the caller passes the CSS variable lookup).
 */
import { FALLBACK_COLOURS, isToken, TOKEN } from './theme';

/** r, g, b (0..255) and alpha (0..1) of a `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()` or `rgba()` colour; null otherwise. */
export function parseColour(css: string): [number, number, number, number] | null {
	const s = css.trim().toLowerCase();
	let m = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s);
	if (m) {
		const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
		const byte = (i: number) => parseInt(h.slice(i, i + 2), 16);
		return [byte(0), byte(2), byte(4), h.length === 8 ? byte(6) / 255 : 1];
	}
	m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
	if (m) {
		const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
		return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
	}
	return null;
}

/**
 * The colour a token stands for, from `lookup` (the page's computed CSS variable; '' when unset) or
 * the fallback palette, with the token's opacity applied. Colours the page writes in a form this
 * cannot parse are passed through unchanged (without the opacity).
 */
export function resolveToken(value: string, lookup: (name: string) => string): string {
	const m = TOKEN.exec(value);
	if (!m) return value;
	const css = lookup(m[1]).trim() || FALLBACK_COLOURS[m[1]] || '#7a7a7a';
	const opacity = m[2] === undefined ? 1 : Number(m[2]);
	const rgba = parseColour(css);
	if (!rgba) return css;
	const [r, g, b, a] = rgba;
	const alpha = Math.round(a * opacity * 1000) / 1000;
	return alpha === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * A copy of a chart configuration with every colour token replaced by its colour. Plain objects and
 * arrays are copied (chart.js writes into what it is given); functions and class instances are kept.
 */
export function resolveColours<T>(config: T, lookup: (name: string) => string): T {
	const walk = (value: unknown): unknown => {
		if (typeof value === 'string') return isToken(value) ? resolveToken(value, lookup) : value;
		if (Array.isArray(value)) return value.map(walk);
		if (value !== null && typeof value === 'object') {
			const proto = Object.getPrototypeOf(value);
			if (proto !== Object.prototype && proto !== null) return value;
			const out: Record<string, unknown> = {};
			for (const [k, v] of Object.entries(value)) out[k] = walk(v);
			return out;
		}
		return value;
	};
	return walk(config) as T;
}
