// CSV files for the GMV page's end-to-end tests, built in the tests themselves: seeded weekly rows
// from the shipped context (src/lib/gmv/sample.ts), plus handmade damage. Nothing is read from
// ../shared/data.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../src/lib/core/random';
import type { GmvContext } from '../../src/lib/gmv/artifacts';
import { generateWeeklyRows, weeklyRowsCsv } from '../../src/lib/gmv/sample';

export type WeeklyRow = Record<string, string | number>;

let cachedContext: GmvContext | null = null;

/** The context artifact the site ships (calendar, monthly budgets, typical inputs, start week). */
export function gmvContext(): GmvContext {
	cachedContext ??= JSON.parse(
		readFileSync(fileURLToPath(new URL('../../model-artifacts/gmv/context.json', import.meta.url)), 'utf8')
	) as GmvContext;
	return cachedContext;
}

/** The columns of a weekly row in file order (the header `weeklyRowsCsv` writes). */
export function weeklyHeader(): string[] {
	return weeklyRowsCsv([]).trim().split(',');
}

/** `count` plausible weekly rows (seeded), without an actual GMV. */
export function weeklyRows(count: number, seed = 7): WeeklyRow[] {
	return generateWeeklyRows(gmvContext(), count, seed);
}

/** The same rows with a made-up actual GMV (₹5 lakh – ₹2 crore, seeded) in a `gmv` column. */
export function withActualGmv(rows: WeeklyRow[], seed = 11): WeeklyRow[] {
	const random = seededRandom(seed);
	return rows.map((row) => ({ ...row, gmv: Math.round(5e5 * Math.exp(random() * Math.log(40))) }));
}

export interface CsvOptions {
	/** Columns in order (default: the weekly header, plus `gmv` when the first row has one). */
	header?: string[];
	delimiter?: ',' | ';' | '\t';
	/** Write decimals with a comma (as European spreadsheets do with semicolon files). */
	decimalComma?: boolean;
	newline?: '\n' | '\r\n';
}

/** Rows as CSV text. Values are written as they are (no quoting: the generated values need none). */
export function csvOf(rows: WeeklyRow[], options: CsvOptions = {}): string {
	const header = options.header ?? [...weeklyHeader(), ...(rows.length && 'gmv' in rows[0] ? ['gmv'] : [])];
	const delimiter = options.delimiter ?? ',';
	const newline = options.newline ?? '\n';
	const cell = (v: string | number | undefined) => {
		const text = v === undefined ? '' : String(v);
		return options.decimalComma && typeof v === 'number' ? text.replace('.', ',') : text;
	};
	return [header.join(delimiter), ...rows.map((r) => header.map((h) => cell(r[h])).join(delimiter))].join(newline) + newline;
}

/** The plain generated file, exactly as the site's own sample writer makes it. */
export function plainWeeklyCsv(count: number, seed = 7): string {
	return weeklyRowsCsv(weeklyRows(count, seed));
}

/** A good file with actual GMV: the metrics and the chart path. */
export function goodCsvWithActuals(count: number, seed = 7): string {
	return csvOf(withActualGmv(weeklyRows(count, seed)));
}

/**
 * A large file of `rows` data rows, written to `path` (too big to pass as a buffer comfortably):
 * a block of generated rows repeated until the count is reached.
 */
export function writeLargeWeeklyCsv(path: string, rows: number): number {
	const block = plainWeeklyCsv(1000, 3).trim().split('\n');
	const header = block.shift() ?? '';
	const lines: string[] = [header];
	for (let i = 0; i < rows; i++) lines.push(block[i % block.length]);
	const text = lines.join('\n') + '\n';
	writeFileSync(path, text);
	return Buffer.byteLength(text);
}

/** The first bytes of a real PNG image (signature, IHDR chunk of a 1x1 image, start of IDAT). */
export function pngBytes(): Buffer {
	return Buffer.from([
		0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
		0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63,
		0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60,
		0x82
	]);
}

/** Split CSV text into records of cells (simple: for files this suite writes or downloads, with no quoted newlines). */
export function parseSimpleCsv(text: string): string[][] {
	const body = text.replace(/^\uFEFF/, '');
	const records: string[][] = [];
	for (const line of body.split(/\r?\n/)) {
		if (line === '') continue;
		const cells: string[] = [];
		let cell = '';
		let quoted = false;
		for (let i = 0; i < line.length; i++) {
			const c = line[i];
			if (quoted) {
				if (c === '"' && line[i + 1] === '"') {
					cell += '"';
					i++;
				} else if (c === '"') quoted = false;
				else cell += c;
			} else if (c === '"') quoted = true;
			else if (c === ',') {
				cells.push(cell);
				cell = '';
			} else cell += c;
		}
		cells.push(cell);
		records.push(cells);
	}
	return records;
}
