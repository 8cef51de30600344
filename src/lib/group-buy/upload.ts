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
import Papa from 'papaparse';
import type { RowIssue } from '../core/schema';
import type { FileNote, FileUsage } from '../core/csv/types';
import { binaryKind } from '../core/csv/delimiter';
import { normaliseHeader } from '../core/csv/headers';
import { LineEndings } from '../core/csv/lineEndings';
import { BLANK_FILE, MAX_COLUMNS, MAX_RECORD_CHARS, nulReason, spansLinesHint, streamNotes } from '../core/csv/messages';
import { DateTally, dateReason, implausibleNote, noImplausible } from '../core/plausibility';
import { formatCountPlain } from '../core/numberText';
import { itemKey } from './aisles';
import { BasketBuilder, dayKeyDmy, type MemberBaskets } from './baskets';

export type GroupFileLayout = 'purchase-log' | 'baskets' | 'groups';
export const MAX_ISSUES = 100;
/** The largest file read (bytes): the Groceries log is 0.4 MB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const ALIASES = {
	member: ['member', 'membernumber', 'memberid', 'member_number', 'customer', 'customerid', 'shopper', 'user', 'userid', 'name'],
	date: ['date', 'day', 'orderdate', 'purchasedate'],
	item: ['item', 'itemdescription', 'product', 'productname', 'itemname', 'description'],
	group: ['group', 'groupid', 'groupname', 'community']
} as const;
type Role = keyof typeof ALIASES;

function roleOf(header: string): Role | null {
	const h = normaliseHeader(header);
	for (const role of Object.keys(ALIASES) as Role[]) if ((ALIASES[role] as readonly string[]).some((a) => normaliseHeader(a) === h)) return role;
	return null;
}

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

/** Which delimiter the first line uses most (comma when none). */
function sniffDelimiter(firstLine: string): string {
	const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
	counts.sort((a, b) => b[1] - a[1]);
	return counts[0][1] > 0 ? counts[0][0] : ',';
}

/** Read a file's text (already decoded). `onProgress` gets the share of lines done. */
export function readGroupFile(text: string, fileName: string, catalogue: readonly string[], onProgress?: (fraction: number, lines: number) => void): GroupFileOutcome {
	if (text.length === 0) return { ok: false, message: 'The file is empty (0 bytes).' };
	const binary = binaryKind(text.slice(0, 4096));
	if (binary === 'workbook') return { ok: false, message: 'This is a spreadsheet workbook, not a CSV: save it as CSV (comma separated) and try again.' };
	if (binary) return { ok: false, message: 'This is not a text file (it holds binary data): choose a CSV file.' };
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') return { ok: false, message: BLANK_FILE };
	const firstLine = body.slice(0, body.search(/\r|\n|$/));
	const delimiter = sniffDelimiter(firstLine);
	if (firstLine.split(delimiter).length > MAX_COLUMNS)
		return { ok: false, message: `The first line has more than ${formatCountPlain(MAX_COLUMNS)} columns, the most a spreadsheet holds: this is not a purchase log, a basket file or a group file.` };
	// Line ends of every kind (CR LF, LF, CR alone, mixed) read as line ends, as the shared reader does.
	const endings = new LineEndings(delimiter);
	const normalised = endings.push(body, true);
	const parsed = Papa.parse<string[]>(normalised, { delimiter, newline: endings.newline, skipEmptyLines: 'greedy' });
	const read = readRecords(parsed.data, parsed.errors, normalised, endings);
	const rows = read.rows;
	if (rows.length === 0) return { ok: false, message: `The first line is longer than ${formatCountPlain(MAX_RECORD_CHARS)} characters: this is not a purchase log, a basket file or a group file.` };
	const header = rows[0].map((c) => c.trim());
	const roles = header.map(roleOf);
	const has = (r: Role) => roles.includes(r);
	const byKey = new Map<string, number>();
	catalogue.forEach((name, i) => byKey.set(itemKey(name), i));

	const issues: RowIssue[] = [];
	let issueCount = 0;
	const issue = (row: number, column: string | null, reason: string) => {
		issueCount++;
		if (issues.length < MAX_ISSUES) issues.push({ row, column, reason });
	};
	const unknown = new Map<string, UnknownItem>();
	const lookup = (raw: string, row: number): number | null => {
		const key = itemKey(raw);
		const i = byKey.get(key);
		if (i !== undefined) return i;
		const u = unknown.get(key) ?? { name: raw.trim(), count: 0, rows: [] };
		u.count++;
		if (u.rows.length < 5) u.rows.push(row);
		unknown.set(key, u);
		return null;
	};
	const progressEvery = 20_000;
	const notes: FileNote[] = read.notes;
	/** A record the reader could not use (a NUL byte, a quote never closed): listed, and not read. */
	const unreadable = (k: number, row: number): boolean => {
		const why = read.problems.get(k);
		if (why) issue(row, null, why);
		return why !== undefined;
	};
	if (read.stoppedAt !== null) issue(read.stoppedAt, null, `is longer than ${formatCountPlain(MAX_RECORD_CHARS)} characters, so the rest of the file could not be read`);
	const result = (layout: GroupFileLayout, members: MemberBaskets[], groups: GroupFileRead['groups'], goodLines: number, linesRead: number, ignoredColumns: string[]): GroupFileOutcome => {
		issues.sort((a, b) => a.row - b.row);
		const unknownItems = [...unknown.values()].sort((a, b) => b.count - a.count);
		return { ok: true, read: { fileName, layout, members, groups, linesRead, goodLines, issues, issueCount, unknownItems, ignoredColumns, missingOptional: [], notes, usage: { rows: linesRead + read.swallowedLines, usedRows: goodLines, complete: read.stoppedAt === null } } };
	};

	// A first line naming two of the columns is a header: a missing column is then said, not guessed.
	const headed = roles.filter((r) => r !== null).length >= 2;
	if (headed) {
		const col = (r: Role) => roles.indexOf(r);
		const ignoredColumns = header.filter((h, j) => roles[j] === null || roles.indexOf(roles[j]) !== j);
		const duplicated = header.filter((h, j) => roles[j] !== null && roles.indexOf(roles[j]) !== j);
		if (duplicated.length) notes.push({ kind: 'duplicate-column', text: `${duplicated.map((h) => `“${h}”`).join(', ')} repeat${duplicated.length === 1 ? 's' : ''} a column named before it: the first one was read.` });
		const missing = (has('group') ? (['member'] as Role[]) : (['member', 'date', 'item'] as Role[])).filter((r) => !has(r));
		if (missing.length)
			return {
				ok: false,
				message: `The file is missing ${missing.length === 1 ? 'a required column' : `${missing.length} required columns`}: ${missing.map((r) => MISSING_WORDS[r]).join(', ')}. A purchase log has member, date and item columns; a group file has group and member. ${fileName} has ${header.join(', ').slice(0, 200)}.`
			};
		const data = rows.slice(1);
		if (data.length === 0) return { ok: false, message: `The file has a header row but no ${has('group') ? 'members' : 'purchases'} below it.` };
		if (has('group')) {
			const groups = new Map<string, string[]>();
			let good = 0;
			data.forEach((cells, k) => {
				const row = k + 2;
				if (unreadable(k + 1, row)) return;
				const g = (cells[col('group')] ?? '').trim();
				const m = (cells[col('member')] ?? '').trim();
				if (!g) return issue(row, header[col('group')], 'the group is empty');
				if (!m) return issue(row, header[col('member')], 'the member is empty');
				const list = groups.get(g) ?? [];
				if (list.includes(m)) return issue(row, header[col('member')], `${m} is already in group ${g}`);
				list.push(m);
				groups.set(g, list);
				good++;
			});
			if (good === 0) return { ok: false, message: `No line of ${fileName} names both a group and a member.` };
			return result('groups', [], [...groups].map(([group, members]) => ({ group, members })), good, data.length, ignoredColumns);
		}
		const purchases: { member: string; day: number; item: number; row: number }[] = [];
		const dates = new DateTally();
		data.forEach((cells, k) => {
			const row = k + 2;
			if (k % progressEvery === 0) onProgress?.(k / data.length, k);
			if (unreadable(k + 1, row)) return;
			const member = (cells[col('member')] ?? '').trim();
			const dateText = (cells[col('date')] ?? '').trim();
			const itemText = cells[col('item')] ?? '';
			if (!member) return issue(row, header[col('member')], 'the member is empty');
			const day = dayKeyDmy(dateText) ?? isoDayKey(dateText);
			if (day === null) return issue(row, header[col('date')], `"${dateText.slice(0, 30)}" is not a date (DD-MM-YYYY or YYYY-MM-DD)`);
			if (!itemText.trim()) return issue(row, header[col('item')], 'the item is empty');
			const item = lookup(itemText, row);
			if (item === null) return issue(row, header[col('item')], `"${itemText.trim().slice(0, 40)}" is not one of the ${catalogue.length} catalogue items`);
			purchases.push({ member, day, item, row });
			dates.add(dayMs(day));
		});
		// Dates far outside the file's bulk (2099, 1900, 9999) are errors, as in every tool's intake.
		const window = dates.window();
		const builder = new BasketBuilder();
		const implausible = noImplausible();
		let good = 0;
		for (const p of purchases) {
			const reason = dateReason(dayMs(p.day), window);
			if (reason !== null) {
				issue(p.row, header[col('date')], reason);
				implausible.date++;
				continue;
			}
			builder.add(p.member, p.day, p.item);
			good++;
		}
		const note = implausibleNote(implausible, 'line');
		if (note) notes.push({ kind: 'implausible', text: note });
		if (good === 0) return { ok: false, message: `No line of ${fileName} could be read as a purchase (member, date, item): see the problems listed.` };
		return result('purchase-log', builder.build(), [], good, data.length, ignoredColumns);
	}

	// Baskets, one per line, no header. A first line of column names that are not items is reported.
	const members: MemberBaskets[] = [];
	let good = 0;
	rows.forEach((cells, k) => {
		const row = k + 1;
		if (k % progressEvery === 0) onProgress?.(k / rows.length, k);
		if (unreadable(k, row)) return;
		const items = new Set<number>();
		for (const cell of cells) {
			if (!cell.trim()) continue;
			const i = lookup(cell, row);
			if (i !== null) items.add(i);
		}
		if (items.size === 0) return issue(row, null, 'no catalogue item on this line');
		members.push({ member: `basket ${row}`, baskets: [[...items].sort((a, b) => a - b)], days: [row] });
		good++;
	});
	for (const u of unknown.values()) issue(u.rows[0], null, `"${u.name.slice(0, 40)}" is not a catalogue item (${u.count} time${u.count === 1 ? '' : 's'}); left out`);
	if (good === 0 && !/[,;\t]/.test(firstLine) && /[|:]/.test(firstLine))
		return { ok: false, message: `${fileName} does not look like a CSV: its columns must be separated by commas, semicolons or tabs (the first line uses none of them).` };
	if (good === 0) return { ok: false, message: `${fileName} is not a purchase log (member, date, item), a group file (group, member) or baskets of catalogue items, one per line: no line held a known item.` };
	return result('baskets', members, [], good, rows.length, []);
}

const MISSING_WORDS: Record<Role, string> = { member: 'member (who bought)', date: 'date (of each purchase)', item: 'item (what was bought)', group: 'group' };

/** A YYYYMMDD day key as milliseconds since 1970 (UTC). */
function dayMs(day: number): number {
	return Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100);
}

const NUL_REASON = nulReason('line');

interface Records {
	rows: string[][];
	/** Records that cannot be used (by index in `rows`), and why. */
	problems: Map<number, string>;
	/** Lines a quote never closed swallowed. */
	swallowedLines: number;
	/** The record where reading stopped (longer than the shared reader's limit), or null. */
	stoppedAt: number | null;
	notes: FileNote[];
}

/**
 * The parsed records with what the shared reader would say of them: a NUL byte, a record over
 * several lines (a stray quote), a quote never closed (the rest of the file swallowed), a record
 * longer than MAX_RECORD_CHARS (reading stops there). Record k is line k + 1 of the file.
 */
function readRecords(parsed: string[][], errors: Papa.ParseError[], text: string, endings: LineEndings): Records {
	const problems = new Map<number, string>();
	let swallowedLines = 0;
	let unclosed: { row: number; swallowedLines: number } | null = null;
	let stoppedAt: number | null = null;
	let rows = parsed;
	const unclosedAt = errors.find((e) => e.code === 'MissingQuotes')?.row;
	for (let k = 0; k < rows.length; k++) {
		const cells = rows[k];
		let length = 0;
		let lines = 0;
		let nul = false;
		for (const c of cells) {
			length += c.length + 1;
			if (c.includes('\0')) nul = true;
			for (let at = c.indexOf('\n'); at !== -1; at = c.indexOf('\n', at + 1)) lines++;
		}
		if (length > MAX_RECORD_CHARS) {
			stoppedAt = k + 1;
			rows = rows.slice(0, k);
			break;
		}
		if (k === unclosedAt && k > 0) {
			unclosed = { row: k + 1, swallowedLines: lines };
			swallowedLines = lines;
			problems.set(k, 'a quote (") opened in this line is never closed: the rest of the file was read as one value');
		} else if (nul) problems.set(k, NUL_REASON);
		else if (lines > 0 && k > 0) problems.set(k, `cannot be read${spansLinesHint(lines).replace(/^ \((.*)\)$/, ': $1')}`);
	}
	const lineEnds = (text.match(endings.newline === '\r\n' ? /\r\n/g : endings.newline === '\r' ? /\r/g : /\n/g) ?? []).length;
	return { rows, problems, swallowedLines, stoppedAt, notes: streamNotes(endings.countsFor(lineEnds), unclosed, stoppedAt) };
}

/** YYYY-MM-DD as YYYYMMDD, or null. */
export function isoDayKey(text: string): number | null {
	const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	if (!m) return null;
	return dayKeyDmy(`${m[3]}-${m[2]}-${m[1]}`);
}
