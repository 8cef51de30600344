/** File helpers for training: read data, write sealed artifacts, print tables. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Papa from 'papaparse';
import { sealArtifact } from '../../src/lib/core/artifact/hash.ts';

export function readText(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch (e) {
		throw new Error(`cannot read ${path}: ${(e as Error).message}. Pass --data <folder> (default ../shared/data).`);
	}
}

/** SHA-256 of the given files' bytes, in order (the data version a model was trained on). */
export function hashFiles(paths: string[]): string {
	const h = createHash('sha256');
	for (const p of paths) h.update(readFileSync(p));
	return h.digest('hex');
}

/** A small reference CSV (calendars, budgets) as objects keyed by header. */
export function readSmallCsv(path: string): Record<string, string>[] {
	const parsed = Papa.parse<Record<string, string>>(readText(path).replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: true,
		transformHeader: (h) => h.trim()
	});
	if (parsed.errors.length) throw new Error(`${path}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
	return parsed.data;
}

export async function writeArtifact<T extends { contentHash: string }>(path: string, artifact: T): Promise<T> {
	const { artifact: sealed, text } = await sealArtifact(artifact);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text);
	console.log(`wrote ${path} (${(text.length / 1024).toFixed(1)} KB, sha256 ${sealed.contentHash.slice(0, 12)})`);
	return sealed;
}

/** Round to `digits` significant digits, so artifacts carry no noise digits. */
export function round(x: number, digits = 6): number {
	if (!Number.isFinite(x) || x === 0) return x;
	return Number(x.toPrecision(digits));
}

export function printTable(rows: Record<string, string | number>[]): void {
	if (!rows.length) return;
	const keys = Object.keys(rows[0]);
	const cells = rows.map((r) => keys.map((k) => (typeof r[k] === 'number' ? formatNumber(r[k] as number) : String(r[k]))));
	const widths = keys.map((k, j) => Math.max(k.length, ...cells.map((c) => c[j].length)));
	const line = (c: string[]) => '| ' + c.map((v, j) => v.padEnd(widths[j])).join(' | ') + ' |';
	console.log(line(keys));
	console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
	for (const c of cells) console.log(line(c));
}

function formatNumber(x: number): string {
	if (Math.abs(x) >= 1000 || Number.isInteger(x)) return Math.round(x).toLocaleString('en-US');
	return x.toFixed(3);
}
