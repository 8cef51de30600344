/**
 * Colours of charts come from the page's CSS custom properties, so a dark theme (or any theme) only
 * sets variables: `--c-chart-1` .. `--c-chart-8` for series, `--c-text`, `--c-muted` and `--c-border`
 * for text, ticks and grid lines. Chart configurations (pure, built in `src/lib/charts` and in each
 * tool's `charts.ts`) hold colour TOKENS, the variable's name with an optional opacity
 * (`'--c-chart-1'`, `'--c-chart-1/0.7'`); `Chart.svelte` turns them into colours with
 * `resolveColours` when it draws, and again when the theme changes. A variable the page does not
 * set falls back to the light palette below (Okabe-Ito series colours, distinguishable with
 * colour-blindness). Pure TS, no DOM.
 */

/** Series colours, in order. */
export const SERIES_TOKENS = ['--c-chart-1', '--c-chart-2', '--c-chart-3', '--c-chart-4', '--c-chart-5', '--c-chart-6', '--c-chart-7', '--c-chart-8'] as const;

/** What a token resolves to when the page does not define the variable. */
export const FALLBACK_COLOURS: Record<string, string> = {
	'--c-chart-1': '#0072B2',
	'--c-chart-2': '#E69F00',
	'--c-chart-3': '#009E73',
	'--c-chart-4': '#CC79A7',
	'--c-chart-5': '#56B4E9',
	'--c-chart-6': '#D55E00',
	'--c-chart-7': '#7a7a7a',
	'--c-chart-8': '#332288',
	'--c-text': '#18202b',
	'--c-muted': '#4a5462',
	'--c-border': '#c9ced6',
	'--c-ok': '#086a3e',
	'--c-danger': '#b42318'
};

const TOKEN = /^(--[a-z][a-z0-9-]*)(?:\/(0|1|0?\.\d+))?$/;

/** A colour token: a CSS variable name, with an opacity (0..1) when given. */
export function token(name: string, opacity?: number): string {
	if (!TOKEN.test(name)) throw new RangeError(`Not a colour token: ${name}`);
	if (opacity === undefined || opacity === 1) return name;
	return `${name}/${Math.round(Math.min(1, Math.max(0, opacity)) * 100) / 100}`;
}

/** The token of series i (wrapping after 8), with an optional opacity. */
export function seriesColour(i: number, opacity?: number): string {
	return token(SERIES_TOKENS[((i % SERIES_TOKENS.length) + SERIES_TOKENS.length) % SERIES_TOKENS.length], opacity);
}

/** True when a string is a colour token. */
export function isToken(value: string): boolean {
	return TOKEN.test(value);
}

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

/**
 * What `Chart.svelte` draws: a chart.js configuration of any chart type, loosely typed so configs
 * of every type (and mixed types) fit one prop; the builders keep their precise chart.js types.
 */
export interface ChartSpec {
	type: 'bar' | 'line' | 'scatter' | 'bubble' | 'pie' | 'doughnut' | 'polarArea' | 'radar';
	data: { labels?: unknown[]; datasets: unknown[] };
	options?: object;
}

/**
 * A token as a CSS colour for HTML and CSS (legend swatches, text): `var(--c-chart-1, #0072B2)`,
 * mixed with transparency when the token has an opacity.
 */
export function cssColour(value: string): string {
	const m = TOKEN.exec(value);
	if (!m) return value;
	const base = `var(${m[1]}, ${FALLBACK_COLOURS[m[1]] ?? '#7a7a7a'})`;
	return m[2] === undefined ? base : `color-mix(in srgb, ${base} ${Math.round(Number(m[2]) * 100)}%, transparent)`;
}
