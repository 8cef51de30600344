/**
 * Colours of charts come from the page's CSS custom properties, so a dark theme (or any theme) only
 * sets variables: `--c-chart-1` .. `--c-chart-8` for series, `--c-text`, `--c-muted` and `--c-border`
 * for text, ticks and grid lines. Chart configurations (pure, built in `src/lib/charts` and in each
 * tool's `charts.ts`) hold colour TOKENS, the variable's name with an optional opacity
 * (`'--c-chart-1'`, `'--c-chart-1/0.7'`); `Chart.svelte` turns them into colours with
 * `resolveColours` (`resolve.ts`, loaded with chart.js) when it draws, and again when the theme changes. A variable the page does not
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

export const TOKEN = /^(--[a-z][a-z0-9-]*)(?:\/(0|1|0?\.\d+))?$/;

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
