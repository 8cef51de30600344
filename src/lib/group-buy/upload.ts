/**
 * Reading the files group leaders have, in three layouts (told apart by the first line):
 * - a purchase log: member, date, item (the Groceries layout; headers such as Member_number,
 *   customer, shopper / Date, day / itemDescription, product are accepted);
 * - baskets, one per line: items separated by commas (or semicolons or tabs), no header;
 * - a group membership file: group, member.
 * Item names are matched to the catalogue ignoring case and spacing; unknown items are listed with
 * their rows and kept out. Every bad line is reported by row, column and reason; good lines still
 * count. Pure TS, no DOM: the upload worker runs it, and the tests.
 */
import type { RowIssue } from '../core/schema';
import type { FileNote, FileUsage } from '../core/csv/types';
import { binaryKind } from '../core/csv/delimiter';
import { BLANK_FILE, MAX_COLUMNS, MAX_RECORD_CHARS } from '../core/csv/messages';
import { DateTally, dateReason, implausibleNote, noImplausible } from '../core/plausibility';
import { formatCountPlain } from '../core/numberText';
import { itemKey } from './aisles';
import { BasketBuilder, dayKeyDmy, type MemberBaskets } from './baskets';
import { HeaderColumns, MISSING_WORDS, roleOf } from './uploadColumns';
import { parseRecords, sniffDelimiter, type Records } from './uploadRecords';

export type GroupFileLayout = 'purchase-log' | 'baskets' | 'groups';
export const MAX_ISSUES = 100;
/** The largest file read (bytes): the Groceries log is 0.4 MB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface UnknownItem {
	name: string;
	count: number;
	/** The first few spreadsheet rows it was on. */
	rows: number[];
}

export interface GroupFileRead {
	fileName: string;
	layout: GroupFileLayout;
	/** Purchase log or baskets: every member's baskets (a basket file's line is its own shopper). */
	members: MemberBaskets[];
	/** Group file: group id -> member ids, in file order. */
	groups: { group: string; members: string[] }[];
	linesRead: number;
	goodLines: number;
	issues: RowIssue[];
	issueCount: number;
	unknownItems: UnknownItem[];
	ignoredColumns: string[];
	missingOptional: string[];
	/** Whole-file notes (the encoding the file was read with, …). */
	notes: FileNote[];
	/** Lines read and used, for the drop zone's rule that a near-empty result is held back. */
	usage: FileUsage;
}

export type GroupFileOutcome = { ok: true; read: GroupFileRead } | { ok: false; message: string };

/** Lines read between two progress reports. */
const PROGRESS_EVERY = 20_000;

/**
 * One reading of a group file: the catalogue to match items to, the problems listed so far (the
 * first MAX_ISSUES kept, all counted), the unknown items, the whole-file notes; and the outcome.
 */
class GroupFileReading {
	readonly issues: RowIssue[] = [];
	issueCount = 0;
	readonly notes: FileNote[];
	private readonly byKey = new Map<string, number>();
	private readonly unknown = new Map<string, UnknownItem>();

	constructor(
		readonly fileName: string,
		readonly catalogue: readonly string[],
		readonly records: Records,
		private readonly onProgress?: (fraction: number, lines: number) => void
	) {
		catalogue.forEach((name, i) => this.byKey.set(itemKey(name), i));
		this.notes = records.notes;
		if (records.stoppedAt !== null) this.issue(records.stoppedAt, null, `is longer than ${formatCountPlain(MAX_RECORD_CHARS)} characters, so the rest of the file could not be read`);
	}

	/** List a problem of spreadsheet row `row` (`column` null when the whole line is at fault). */
	issue(row: number, column: string | null, reason: string): void {
		this.issueCount++;
		if (this.issues.length < MAX_ISSUES) this.issues.push({ row, column, reason });
	}

	/** The catalogue index of an item name, or null (the name is then counted as unknown, with its row). */
	lookup(raw: string, row: number): number | null {
		const key = itemKey(raw);
		const i = this.byKey.get(key);
		if (i !== undefined) return i;
		const u = this.unknown.get(key) ?? { name: raw.trim(), count: 0, rows: [] };
		u.count++;
		if (u.rows.length < 5) u.rows.push(row);
		this.unknown.set(key, u);
		return null;
	}

	/** A record the reader could not use (a NUL byte, a quote never closed): listed, and not read. */
	unreadable(k: number, row: number): boolean {
		const why = this.records.problems.get(k);
		if (why) this.issue(row, null, why);
		return why !== undefined;
	}

	/** Report progress at line `k` of `lines`, every PROGRESS_EVERY lines. */
	progress(k: number, lines: number): void {
		if (k % PROGRESS_EVERY === 0) this.onProgress?.(k / lines, k);
	}

	/** List each unknown item once, at its first row (a basket file has no item column to blame). */
	listUnknownItems(): void {
		for (const u of this.unknown.values()) this.issue(u.rows[0], null, `"${u.name.slice(0, 40)}" is not a catalogue item (${u.count} time${u.count === 1 ? '' : 's'}); left out`);
	}

	/** The file read: its problems in row order, its unknown items most frequent first. */
	result(layout: GroupFileLayout, members: MemberBaskets[], groups: GroupFileRead['groups'], goodLines: number, linesRead: number, ignoredColumns: string[]): GroupFileOutcome {
		const { issues, issueCount, notes, fileName, records } = this;
		issues.sort((a, b) => a.row - b.row);
		const unknownItems = [...this.unknown.values()].sort((a, b) => b.count - a.count);
		return { ok: true, read: { fileName, layout, members, groups, linesRead, goodLines, issues, issueCount, unknownItems, ignoredColumns, missingOptional: [], notes, usage: { rows: linesRead + records.swallowedLines, usedRows: goodLines, complete: records.stoppedAt === null } } };
	}
}

/** The text without its byte-order mark, or why the file cannot be a CSV at all (empty, binary, blank). */
function textBody(text: string): { ok: true; body: string } | { ok: false; message: string } {
	if (text.length === 0) return { ok: false, message: 'The file is empty (0 bytes).' };
	const binary = binaryKind(text.slice(0, 4096));
	if (binary === 'workbook') return { ok: false, message: 'This is a spreadsheet workbook, not a CSV: save it as CSV (comma separated) and try again.' };
	if (binary) return { ok: false, message: 'This is not a text file (it holds binary data): choose a CSV file.' };
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') return { ok: false, message: BLANK_FILE };
	return { ok: true, body };
}

const NOT_A_GROUP_FILE = 'this is not a purchase log, a basket file or a group file.';

/** Read a file's text (already decoded). `onProgress` gets the share of lines done. */
export function readGroupFile(text: string, fileName: string, catalogue: readonly string[], onProgress?: (fraction: number, lines: number) => void): GroupFileOutcome {
	const file = textBody(text);
	if (!file.ok) return file;
	const firstLine = file.body.slice(0, file.body.search(/\r|\n|$/));
	const delimiter = sniffDelimiter(firstLine);
	if (firstLine.split(delimiter).length > MAX_COLUMNS) return { ok: false, message: `The first line has more than ${formatCountPlain(MAX_COLUMNS)} columns, the most a spreadsheet holds: ${NOT_A_GROUP_FILE}` };
	const records = parseRecords(file.body, delimiter);
	if (records.rows.length === 0) return { ok: false, message: `The first line is longer than ${formatCountPlain(MAX_RECORD_CHARS)} characters: ${NOT_A_GROUP_FILE}` };
	const header = records.rows[0].map((c) => c.trim());
	const columns = new HeaderColumns(header, header.map(roleOf));
	const reading = new GroupFileReading(fileName, catalogue, records, onProgress);
	// A first line naming two of the columns is a header: a missing column is then said, not guessed.
	if (columns.named >= 2) return readHeadedFile(reading, columns);
	return readBaskets(reading, firstLine);
}

/** A file with a header: a group file when it has a group column, else a purchase log. */
function readHeadedFile(reading: GroupFileReading, columns: HeaderColumns): GroupFileOutcome {
	const { header } = columns;
	const ignoredColumns = columns.ignored;
	const duplicated = columns.duplicated;
	if (duplicated.length) reading.notes.push({ kind: 'duplicate-column', text: `${duplicated.map((h) => `“${h}”`).join(', ')} repeat${duplicated.length === 1 ? 's' : ''} a column named before it: the first one was read.` });
	const missing = columns.missing;
	if (missing.length)
		return {
			ok: false,
			message: `The file is missing ${missing.length === 1 ? 'a required column' : `${missing.length} required columns`}: ${missing.map((r) => MISSING_WORDS[r]).join(', ')}. A purchase log has member, date and item columns; a group file has group and member. ${reading.fileName} has ${header.join(', ').slice(0, 200)}.`
		};
	const data = reading.records.rows.slice(1);
	if (data.length === 0) return { ok: false, message: `The file has a header row but no ${columns.has('group') ? 'members' : 'purchases'} below it.` };
	if (columns.has('group')) return readGroups(reading, columns, data, ignoredColumns);
	return readPurchaseLog(reading, columns, data, ignoredColumns);
}

/** A group file: each group's members in file order; an empty cell or a member listed twice in a group is a problem. */
function readGroups(reading: GroupFileReading, columns: HeaderColumns, data: string[][], ignoredColumns: string[]): GroupFileOutcome {
	const groups = new Map<string, string[]>();
	let good = 0;
	data.forEach((cells, k) => {
		const row = k + 2;
		if (reading.unreadable(k + 1, row)) return;
		const g = columns.cell(cells, 'group').trim();
		const m = columns.cell(cells, 'member').trim();
		if (!g) return reading.issue(row, columns.name('group'), 'the group is empty');
		if (!m) return reading.issue(row, columns.name('member'), 'the member is empty');
		const list = groups.get(g) ?? [];
		if (list.includes(m)) return reading.issue(row, columns.name('member'), `${m} is already in group ${g}`);
		list.push(m);
		groups.set(g, list);
		good++;
	});
	if (good === 0) return { ok: false, message: `No line of ${reading.fileName} names both a group and a member.` };
	return reading.result('groups', [], [...groups].map(([group, members]) => ({ group, members })), good, data.length, ignoredColumns);
}

/** One line of a purchase log that read: who, on which day (YYYYMMDD), which catalogue item, and its row. */
interface Purchase {
	member: string;
	day: number;
	item: number;
	row: number;
}

/** The purchase log's lines with a member, a date and a catalogue item (the others listed as problems), and a tally of their dates. */
function readPurchases(reading: GroupFileReading, columns: HeaderColumns, data: string[][]): { purchases: Purchase[]; dates: DateTally } {
	const purchases: Purchase[] = [];
	const dates = new DateTally();
	const catalogueSize = reading.catalogue.length;
	data.forEach((cells, k) => {
		const row = k + 2;
		reading.progress(k, data.length);
		if (reading.unreadable(k + 1, row)) return;
		const member = columns.cell(cells, 'member').trim();
		const dateText = columns.cell(cells, 'date').trim();
		const itemText = columns.cell(cells, 'item');
		if (!member) return reading.issue(row, columns.name('member'), 'the member is empty');
		const day = dayKeyDmy(dateText) ?? isoDayKey(dateText);
		if (day === null) return reading.issue(row, columns.name('date'), `"${dateText.slice(0, 30)}" is not a date (DD-MM-YYYY or YYYY-MM-DD)`);
		if (!itemText.trim()) return reading.issue(row, columns.name('item'), 'the item is empty');
		const item = reading.lookup(itemText, row);
		if (item === null) return reading.issue(row, columns.name('item'), `"${itemText.trim().slice(0, 40)}" is not one of the ${catalogueSize} catalogue items`);
		purchases.push({ member, day, item, row });
		dates.add(dayMs(day));
	});
	return { purchases, dates };
}

/** A purchase log: every member's baskets, by day; dates far outside the file's bulk are problems. */
function readPurchaseLog(reading: GroupFileReading, columns: HeaderColumns, data: string[][], ignoredColumns: string[]): GroupFileOutcome {
	const { purchases, dates } = readPurchases(reading, columns, data);
	// Dates far outside the file's bulk (2099, 1900, 9999) are errors, as in every tool's intake.
	const window = dates.window();
	const builder = new BasketBuilder();
	const implausible = noImplausible();
	let good = 0;
	for (const p of purchases) {
		const reason = dateReason(dayMs(p.day), window);
		if (reason !== null) {
			reading.issue(p.row, columns.name('date'), reason);
			implausible.date++;
			continue;
		}
		builder.add(p.member, p.day, p.item);
		good++;
	}
	const note = implausibleNote(implausible, 'line');
	if (note) reading.notes.push({ kind: 'implausible', text: note });
	if (good === 0) return { ok: false, message: `No line of ${reading.fileName} could be read as a purchase (member, date, item): see the problems listed.` };
	return reading.result('purchase-log', builder.build(), [], good, data.length, ignoredColumns);
}

/** Baskets, one per line, no header: each line is its own shopper. A first line of column names that are not items is reported. */
function readBaskets(reading: GroupFileReading, firstLine: string): GroupFileOutcome {
	const { rows } = reading.records;
	const members: MemberBaskets[] = [];
	let good = 0;
	rows.forEach((cells, k) => {
		const row = k + 1;
		reading.progress(k, rows.length);
		if (reading.unreadable(k, row)) return;
		const items = new Set<number>();
		for (const cell of cells) {
			if (!cell.trim()) continue;
			const i = reading.lookup(cell, row);
			if (i !== null) items.add(i);
		}
		if (items.size === 0) return reading.issue(row, null, 'no catalogue item on this line');
		members.push({ member: `basket ${row}`, baskets: [[...items].sort((a, b) => a - b)], days: [row] });
		good++;
	});
	reading.listUnknownItems();
	const fileName = reading.fileName;
	if (good === 0 && !/[,;\t]/.test(firstLine) && /[|:]/.test(firstLine))
		return { ok: false, message: `${fileName} does not look like a CSV: its columns must be separated by commas, semicolons or tabs (the first line uses none of them).` };
	if (good === 0) return { ok: false, message: `${fileName} is not a purchase log (member, date, item), a group file (group, member) or baskets of catalogue items, one per line: no line held a known item.` };
	return reading.result('baskets', members, [], good, rows.length, []);
}

/** A YYYYMMDD day key as milliseconds since 1970 (UTC). */
function dayMs(day: number): number {
	return Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100);
}

/** YYYY-MM-DD as YYYYMMDD, or null. */
export function isoDayKey(text: string): number | null {
	const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	if (!m) return null;
	return dayKeyDmy(`${m[3]}-${m[2]}-${m[1]}`);
}
