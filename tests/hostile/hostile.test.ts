// Every hostile file through every tool's intake (registry.ts): each must get a clear outcome, a
// whole-file message or row-level problems naming row, column and reason, and never "NaN",
// "undefined", "Infinity", "[object", a stack trace, exponent notation, or a silent near-empty result.
import { describe, expect, it } from 'vitest';
import { MIN_USED_SHARE } from '../../src/lib/core/csv/acceptance';
import { hostileCorpus, type HostileFile } from './corpus';
import type { TableSchema } from '../../src/lib/core/schema';
import { csvJobIntake, INTAKES, type IntakeOutcome } from './registry';

/**
 * A made-up tool of the shape the next tools take (ids, dates, numbers, a category), added in one
 * line with the generic helper and its schema's example values: the suite covers date columns and
 * the generic good table too.
 */
const ordersSchema: TableSchema = {
	id: 'orders',
	rowNoun: 'orders',
	columns: [
		{ key: 'order_id', label: 'Order ID', type: 'text', required: true, example: 'A-1001' },
		{ key: 'order_date', label: 'Order date', type: 'date', required: true, example: '2023-03-01' },
		{ key: 'quantity', label: 'Quantity', type: 'integer', required: true, example: 3 },
		{ key: 'unit_price', label: 'Unit price', type: 'number', required: true, example: 4.5 },
		{ key: 'channel', label: 'Channel', type: 'category', categories: ['web', 'app', 'store'], required: true },
		{ key: 'note', label: 'Note', type: 'text', required: false, example: 'gift' }
	]
};
const exampleTool = csvJobIntake('example orders tool', {
	schema: ordersSchema,
	prepare: async () => null,
	score: (rows) => ({ columns: [{ key: 'quantity', label: 'Quantity', kind: 'number' }], rows: rows.map((r) => ({ quantity: r.quantity as number })) })
});

/** Text the person wrote, quoted back in a message ("NaN" is not a number), is not the page's own words. */
const withoutQuotedInput = (text: string) => text.replace(/"(?:[^"\\]|\\.)*"/g, '"…"');
const BAD_WORDS = /\bNaN\b|\bundefined\b|Infinity|\[object|\n\s+at |\w+Error\b|\d(\.\d+)?e[+-]?\d+/;

function checkClear(file: HostileFile, outcome: IntakeOutcome) {
	for (const text of outcome.texts) expect(withoutQuotedInput(text), `${file.name}: page text`).not.toMatch(BAD_WORDS);
	for (const x of outcome.numbers) expect(Number.isFinite(x), `${file.name}: a number on the page is ${x}`).toBe(true);
	if (outcome.failure) {
		expect(outcome.failure.message.length, `${file.name}: failure message`).toBeGreaterThan(10);
		return;
	}
	const result = outcome.result;
	expect(result, `${file.name}: neither a failure nor a result`).not.toBeNull();
	if (!result) return;
	for (const issue of result.issues) {
		expect(Number.isInteger(issue.row) && issue.row >= 2, `${file.name}: problem row ${issue.row}`).toBe(true);
		expect(issue.reason.length, `${file.name}: problem reason`).toBeGreaterThan(3);
		expect(issue.column === null || issue.column.length > 0).toBe(true);
	}
	expect(result.issueCount).toBeGreaterThanOrEqual(result.issues.length);
	// Never a silent near-empty result: a small share used, or a read that stopped, is held back.
	const { rows, usedRows, complete } = result.usage;
	if (!complete || usedRows < MIN_USED_SHARE * rows) expect(result.held, `${file.name}: ${usedRows} of ${rows} rows used, not held back`).not.toBeNull();
	if (usedRows < rows) expect(result.issueCount + result.notes.length, `${file.name}: rows left out without a word`).toBeGreaterThan(0);
}

function checkExpected(file: HostileFile, outcome: IntakeOutcome) {
	const e = file.expect;
	const result = outcome.result;
	const why = outcome.failure ? `failed: ${outcome.failure.message}` : `result: ${JSON.stringify(result?.usage)} ${result?.issues.slice(0, 3).map((i) => `${i.row} ${i.column} ${i.reason}`).join(' | ')}`;
	if ('failure' in e) {
		expect(outcome.failure?.message, `${file.name} should be refused (${why})`).toMatch(e.failure);
	} else if ('clean' in e) {
		expect(result, `${file.name} should read (${why})`).not.toBeNull();
		expect(result?.usage.usedRows, `${file.name}: every row used (${why})`).toBe(result?.usage.rows);
		expect(result?.issues, `${file.name}: no problems`).toEqual([]);
		if (e.note) expect(result?.notes.map((n) => n.kind), `${file.name}: notes`).toContain(e.note);
	} else if ('rows' in e) {
		expect(result, `${file.name} should read (${why})`).not.toBeNull();
		const listed = new Set(result?.issues.map((i) => i.row));
		for (const row of e.rows) expect(listed.has(row), `${file.name}: row ${row} listed (${why})`).toBe(true);
		if (e.reason) expect(result?.issues.some((i) => e.reason?.test(i.reason)), `${file.name}: reason ${e.reason} (${why})`).toBe(true);
		expect(result?.held, `${file.name}: the rest is shown (${why})`).toBeNull();
	} else if ('held' in e) {
		const shownFirst = outcome.failure !== null || result?.held !== null;
		expect(shownFirst, `${file.name} should be shown as a problem first (${why})`).toBe(true);
		if (e.reason) expect(outcome.texts.some((t) => e.reason?.test(t)), `${file.name}: says ${e.reason} (${why})`).toBe(true);
	}
}

for (const tool of [...INTAKES, exampleTool]) {
	describe(`hostile files through the ${tool.name} intake`, () => {
		for (const file of hostileCorpus(tool)) {
			it(`${file.name}: ${file.what}`, async () => {
				const outcome = await tool.run(new Blob([file.bytes as BlobPart]), file.name);
				checkClear(file, outcome);
				checkExpected(file, outcome);
			});
		}
	});
}
