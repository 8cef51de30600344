/**
 * Shared pieces of chart configurations: tick labels short enough for a 360 px phone, labels cut to
 * fit, and the options every chart starts from (theme colours as tokens, legend at the bottom).
 * Pure TS, no DOM.
 */
import type { ChartOptions } from 'chart.js';
import { token } from './theme';

let compact: Intl.NumberFormat | undefined;

/** A tick value in at most 5 or so characters: 950, 1.2K, 3.4M, 0.25. */
export function compactNumber(value: number | string): string {
	const v = Number(value);
	if (!Number.isFinite(v)) return '';
	if (v !== 0 && Math.abs(v) < 1) return String(Number(v.toPrecision(2)));
	compact ??= new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });
	return compact.format(v);
}

/** The axis a tick callback runs on (chart.js calls it with the scale as `this`): its drawn width and range. */
interface LogAxis {
	width?: number;
	min?: number;
	max?: number;
}

/** Width a decade needs before its 2 and 5 get labels too: 0.3 of a decade must leave room for a rotated compact label (about 24 px). */
const DECADE_PX_FOR_2_AND_5 = 80;

/**
 * A logarithmic axis's tick label, compact, on powers of ten and, where a decade is wide enough, on 2
 * and 5 times them (chart.js puts a tick on every digit: 600, 800 and 1K side by side collide on a
 * phone). The other ticks keep their grid line and get no label; pass `autoSkip: false` with it, so
 * chart.js does not drop a labelled tick to make room for unlabelled ones.
 */
export function logTick(this: LogAxis | void, value: number | string): string {
	const v = Number(value);
	if (!(v > 0) || !Number.isFinite(v)) return '';
	const leading = Math.round((v / 10 ** Math.floor(Math.log10(v) + 1e-9)) * 1000) / 1000;
	if (leading === 1) return compactNumber(v);
	if (leading !== 2 && leading !== 5) return '';
	const axis = this ?? {};
	if (axis.width && axis.min && axis.max && axis.min > 0 && axis.max > axis.min && axis.width / Math.log10(axis.max / axis.min) < DECADE_PX_FOR_2_AND_5) return '';
	return compactNumber(v);
}

/** A fraction as a whole percentage tick: 0.25 -> "25%". */
export function percentTick(value: number | string): string {
	const v = Number(value);
	return Number.isFinite(v) ? `${Math.round(v * 100)}%` : '';
}

/** A label cut to `max` characters with an ellipsis (the full text belongs in the tooltip). */
export function fitLabel(label: string, max = 18): string {
	return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/**
 * A label broken into lines of at most `width` characters at spaces (chart.js draws an array as
 * lines), at most `lines` lines, the last cut with an ellipsis: a long name keeps its distinguishing
 * end ("(higher spend)") on a 360 px phone instead of being clipped at the canvas edge.
 */
export function wrapLabel(label: string, width = 14, lines = 3): string[] {
	const out: string[] = [];
	let line = '';
	for (const word of label.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > width) {
			out.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) out.push(line);
	if (out.length <= lines) return out.map((l) => fitLabel(l, width));
	return [...out.slice(0, lines - 1), fitLabel(`${out.slice(lines - 1).join(' ')}`, width)];
}

/**
 * The options every chart starts from: text, ticks and grid lines in theme colours (tokens), the
 * legend at the bottom where it never squeezes the plot on a phone.
 */
export function baseOptions(): ChartOptions {
	const grid = { color: token('--c-border', 0.6) };
	const ticks = { color: token('--c-muted') };
	return {
		color: token('--c-text'),
		borderColor: token('--c-border'),
		plugins: { legend: { position: 'bottom', labels: { color: token('--c-text'), boxWidth: 14 } } },
		scales: { x: { grid, ticks }, y: { grid, ticks } }
	} as ChartOptions;
}

/** Deep merge of plain option objects (arrays and functions replaced, not merged). */
export function mergeOptions<T extends object>(base: T, extra: object): T {
	const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
	for (const [k, v] of Object.entries(extra)) {
		const b = out[k];
		out[k] = isPlain(b) && isPlain(v) ? mergeOptions(b, v) : v;
	}
	return out as T;
}

function isPlain(v: unknown): v is Record<string, unknown> {
	return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** An axis title that stays short on a phone. */
export function axisTitle(text: string): { display: true; text: string; color: string } {
	return { display: true, text, color: token('--c-muted') };
}
