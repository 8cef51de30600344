/**
 * Small helpers for the benchmark's printed tables: statistics over repeated runs, units, and a
 * figure/target/met table. Nothing here asserts: a missed target is printed, never thrown.
 */

/** A measured figure with an optional target. `met` is undefined when there is no target. */
export interface Figure {
	name: string;
	/** The value as printed, e.g. "812 ms" or "241.3 kB". */
	value: string;
	/** The target as printed, e.g. "<= 1000 ms"; '' when the figure has none. */
	target: string;
	met?: boolean;
}

export interface Stats {
	runs: number;
	median: number;
	min: number;
	max: number;
	values: number[];
}

export function stats(values: number[]): Stats {
	const sorted = [...values].sort((a, b) => a - b);
	const n = sorted.length;
	const median = n === 0 ? NaN : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	return { runs: n, median, min: sorted[0] ?? NaN, max: sorted[n - 1] ?? NaN, values };
}

/** Kilobytes of 1,000 bytes, one decimal. */
export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
export const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : 'n/a');
export const perSecond = (value: number, noun = 'rows'): string =>
	Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')} ${noun}/s` : 'n/a';
export const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)}x` : 'n/a');

/** "812 ms median, 790 ms min (5 runs)" */
export function medianMin(s: Stats, unit: (v: number) => string = ms): string {
	return `${unit(s.median)} median, ${unit(s.min)} min (${s.runs} runs)`;
}

export function atMost(name: string, value: number, limit: number, show: (v: number) => string, valueText?: string): Figure {
	return { name, value: valueText ?? show(value), target: `<= ${show(limit)}`, met: Number.isFinite(value) && value <= limit };
}

export function atLeast(name: string, value: number, limit: number, show: (v: number) => string, valueText?: string): Figure {
	return { name, value: valueText ?? show(value), target: `>= ${show(limit)}`, met: Number.isFinite(value) && value >= limit };
}

export function info(name: string, value: string): Figure {
	return { name, value, target: '' };
}

function pad(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** Rows of cells as aligned columns, with a rule under the header. */
export function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i])))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The figure table of a section: figure, value, target, met. */
export function figureTable(figures: Figure[]): string {
	return table(
		['figure', 'value', 'target', 'met'],
		figures.map((f) => [f.name, f.value, f.target || '–', f.met === undefined ? '' : f.met ? 'yes' : 'NO'])
	);
}

export function heading(title: string): string {
	return `\n== ${title} ${'='.repeat(Math.max(3, 76 - title.length))}`;
}

function valueText(value: unknown): string {
	if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(value < 10 ? 2 : 1);
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Every field of a result as a figure without a target (the forest and CSV sections). */
export function figuresOf(result: Record<string, unknown>): Figure[] {
	return Object.entries(result).map(([key, value]) => info(key, valueText(value)));
}
