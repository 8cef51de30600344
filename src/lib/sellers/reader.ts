/**
 * Reading the seller finder's input, text or a File/Blob, chunk by chunk, with the one CSV reader of
 * core (core/csv/reader.ts: sniffing, encodings, line endings, duplicated headers, NUL bytes,
 * unclosed quotes, over-long records), straight into columns: an activity log (one row per event)
 * into an EventLog, or the per-user layout (the 12 monthly counts already made) into a UserRows
 * table. The layout is told from the header: the file is read as an activity log, and when its
 * header lacks the log's columns but has the per-user ones, read again as the per-user layout (the
 * header is in the first chunk, so nothing much is read twice).
 *
 * Bad rows never stop the read: each is skipped, counted, and (the first `maxIssues`) listed by row,
 * column and reason; unknown event names are also counted by name. Works in a Web Worker, on the main
 * thread and in Node. Pure, no DOM.
 */
import type { CsvJobFailure, FileNote, FileUsage, JobProgress } from '../core/csv/types';
import type { Delimiter } from '../core/csv/delimiter';
import { extraLinesIn, failure as makeFailure, spansLinesHint, tooLarge } from '../core/csv/messages';
import { CsvReader, type CsvLayout, type RecordSink } from '../core/csv/reader';
import { DEFAULT_CHUNK_SIZE, DEFAULT_MAX_BYTES, feedBlob, feedText, type Fed } from '../core/csv/source';
import { notANumberReason, parseNumber, quoted } from '../core/csv/validate';
import type { RowIssue, TableSchema } from '../core/schema';
import { dayLabel } from './calendar';
import { dateProblem, isDateError, readIsoDay } from './dates';
import { eventKindOf, hasAmount } from './events';
import { END_DAY, EventLogBuilder, FIRST_DAY, NO_CATEGORY, type EventLog } from './log';
import { activityLogSchema, RECENT_CATEGORIES, userRowSchema } from './schema';
import { createUserRowsBuilder, type UserRows } from './userRows';
import { formatDecimal } from '../core/decimalText';

export interface ActivityReadOptions {
	/** Refuse larger inputs before reading (bytes; characters for text). Default 512 MB. */
	maxBytes?: number;
	/** Bytes (Blob) or characters (text) at a time. Default 1 MB. */
	chunkSize?: number;
	/** Problems listed (all are counted). Default 100. */
	maxIssues?: number;
	onProgress?: (progress: JobProgress) => void;
	signal?: AbortSignal;
}

/** What reading found besides the data. */
export interface ReadReport {
	delimiter: Delimiter;
	decimalComma: boolean;
	/** Header text -> canonical key; header cells ignored; optional columns missing. */
	matchedColumns: Record<string, string>;
	ignoredColumns: string[];
	missingOptional: string[];
	duplicateColumns: string[];
	/** Data rows seen (blank lines excluded) and rows used. */
	rows: number;
	usedRows: number;
	/** The first problems, in row order, and how many there were. */
	issues: RowIssue[];
	issueCount: number;
	/** Unknown event names and how often each appeared (most frequent first, at most 20). */
	unknownEvents: { name: string; count: number }[];
	/** Orders and sales with an empty amount (read as 0). */
	emptyAmounts: number;
	/** Whole-file notes (encoding, line endings, duplicated columns, an unclosed quote, a stop). */
	notes: FileNote[];
	usage: FileUsage;
}

export type ActivityRead =
	| { ok: true; layout: 'events'; log: EventLog; report: ReadReport }
	| { ok: true; layout: 'users'; users: UserRows; report: ReadReport }
	| { ok: false; failure: CsvJobFailure };

/** The largest amount of one order or sale. */
const MAX_AMOUNT = 1e6;

/** Receives records from the core reader for one layout. */
class ActivitySink implements RecordSink {
	private col = { user: -1, time: -1, event: -1, category: -1, amount: -1 };
	private readonly builder: EventLogBuilder;
	private users: ReturnType<typeof createUserRowsBuilder> | null = null;
	private readonly kindCache = new Map<string, number>();
	readonly unknown = new Map<string, number>();
	readonly issues: RowIssue[] = [];
	issueCount = 0;
	rows = 0;
	usedRows = 0;
	emptyAmounts = 0;
	private decimalComma = false;
	private minFields = 0;
	/** Events after this day (tomorrow, by the device's clock) are refused. */
	private readonly lastDay = Math.floor(Date.now() / 86_400_000) + 1;
	private headerWidth = 0;

	constructor(
		readonly layoutKind: 'events' | 'users',
		private readonly maxIssues: number,
		expectedEvents: number
	) {
		this.builder = new EventLogBuilder(layoutKind === 'events' ? expectedEvents : 16);
	}

	header(layout: CsvLayout): void {
		this.decimalComma = layout.decimalComma;
		const at = (key: string) => layout.mapping.indexOf(key);
		if (this.layoutKind === 'users') this.users = createUserRowsBuilder(layout.mapping, at(RECENT_CATEGORIES), layout.decimalComma);
		else this.col = { user: at('user_id'), time: at('timestamp'), event: at('event'), category: at('category'), amount: at('amount') };
		this.headerWidth = layout.mapping.length;
		this.minFields = Math.max(...layout.mapping.map((k, i) => (k && k !== RECENT_CATEGORIES && k !== 'category' && k !== 'amount' ? i + 1 : 0)));
	}

	private issue(row: number, column: string | null, reason: string): void {
		this.issueCount++;
		if (this.issues.length < this.maxIssues) this.issues.push({ row, column, reason });
	}

	unreadable(issue: RowIssue): void {
		this.rows++;
		this.issue(issue.row, issue.column, issue.reason);
	}

	record(fields: string[], row: number): void {
		this.rows++;
		if (fields.length < this.minFields) return this.issue(row, null, `it has ${fields.length} field${fields.length === 1 ? '' : 's'}; the header has ${this.headerWidth}${spansLinesHint(extraLinesIn(fields))}`);
		if (this.users) {
			if (this.users.addRow(fields, row, (column, reason) => this.issue(row, column, reason))) this.usedRows++;
			return;
		}
		const { user: cu, time: ct, event: ce, category: cc, amount: ca } = this.col;
		const n = fields.length;
		const userText = cu < n ? fields[cu].trim() : '';
		if (userText === '') return this.issue(row, 'User id', 'is empty');
		const eventText = ce < n ? fields[ce] : '';
		let kind = this.kindCache.get(eventText);
		if (kind === undefined) {
			kind = eventKindOf(eventText);
			if (this.kindCache.size < 1000) this.kindCache.set(eventText, kind);
		}
		if (kind < 0) {
			const name = eventText.trim();
			if (name !== '') this.unknown.set(name, (this.unknown.get(name) ?? 0) + 1);
			return this.issue(row, 'Event', name === '' ? 'is empty' : `${quoted(name)} is not a known event (collection add, wish-list add, order, listing, sale, seller sign-up)`);
		}
		const timeText = ct < n ? fields[ct] : '';
		const day = readIsoDay(timeText);
		if (isDateError(day)) return this.issue(row, 'Timestamp', `${quoted(timeText.trim())} ${dateProblem(day)}`);
		if (day < FIRST_DAY || day >= END_DAY) return this.issue(row, 'Timestamp', `${quoted(timeText.trim())} is before 1990 or after 2099`);
		if (day > this.lastDay) return this.issue(row, 'Timestamp', `${quoted(timeText.trim())} is in the future (after ${dayLabel(this.lastDay)})`);
		// An amount is used for orders and sales only, but a cell that holds one is checked on every row.
		let amount = 0;
		const amountText = ca >= 0 && ca < n ? fields[ca].trim() : '';
		if (amountText === '') {
			if (hasAmount(kind)) this.emptyAmounts++;
		} else {
			const v = parseNumber(amountText, this.decimalComma);
			if (!Number.isFinite(v)) return this.issue(row, 'Amount', notANumberReason(amountText, this.decimalComma));
			if (v < 0) return this.issue(row, 'Amount', `${quoted(amountText)} is negative`);
			if (v > MAX_AMOUNT) return this.issue(row, 'Amount', `${quoted(amountText)} is over a million, too large for one order or sale`);
			if (hasAmount(kind)) amount = v;
		}
		let category = NO_CATEGORY;
		if (cc >= 0 && cc < n) {
			const text = fields[cc];
			if (text.trim() !== '') {
				category = this.builder.internCategory(text);
				if (category < 0) return this.issue(row, 'Category', `more than ${this.builder.maxCategories} different categories; ${quoted(text.trim())} is left out`);
			}
		}
		this.builder.add(this.builder.internUser(userText), day, kind, category, amount);
		this.usedRows++;
	}

	finish(reader: CsvReader, fed: Fed): ActivityRead {
		const failed = fed.failure ?? reader.finish();
		if (failed) return { ok: false, failure: failed };
		const layout = reader.layout as CsvLayout;
		const notes = [...fed.notes, ...reader.notes()];
		const swallowed = reader.unclosedQuote?.swallowedLines ?? 0;
		const report: ReadReport = {
			delimiter: layout.delimiter,
			decimalComma: layout.decimalComma,
			matchedColumns: layout.matchedColumns,
			ignoredColumns: layout.ignoredColumns,
			missingOptional: layout.missingOptional,
			duplicateColumns: layout.duplicates.map((d) => d.header),
			rows: this.rows,
			usedRows: this.usedRows,
			issues: this.issues,
			issueCount: this.issueCount,
			unknownEvents: [...this.unknown].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)).slice(0, 20),
			emptyAmounts: this.emptyAmounts,
			notes,
			usage: { rows: this.rows + swallowed, usedRows: this.usedRows, complete: reader.stoppedAt === null }
		};
		const noun = this.layoutKind === 'events' ? 'events' : 'user rows';
		if (this.rows === 0) return { ok: false, failure: makeFailure('empty', `The file has a header row but no ${noun} below it.`) };
		if (this.usedRows === 0)
			return { ok: false, failure: makeFailure('no-good-rows', `None of the ${formatDecimal(this.rows)} rows could be read; the first problems are listed.`, { issues: this.issues, issueCount: this.issueCount }) };
		if (this.users) return { ok: true, layout: 'users', users: this.users.finish(), report };
		return { ok: true, layout: 'events', log: this.builder.finish(), report };
	}
}

/** Whether a failure is about the header's columns (then the other layout is tried). */
const headerMiss = (f: CsvJobFailure | null) => f !== null && (f.kind === 'missing-columns' || f.kind === 'no-known-columns');

/** Read with the activity-log schema, then with the per-user one when the header is not a log's. */
async function readEither(inputSize: number, options: ActivityReadOptions, feed: (reader: CsvReader, sink: ActivitySink) => Promise<Fed> | Fed): Promise<ActivityRead> {
	const maxIssues = options.maxIssues ?? 100;
	const attempt = async (kind: 'events' | 'users', schema: TableSchema) => {
		const sink = new ActivitySink(kind, maxIssues, inputSize / 45);
		const reader = new CsvReader(schema, sink);
		const fed = await feed(reader, sink);
		return { sink, reader, fed, failed: fed.failure ?? reader.finish() };
	};
	const events = await attempt('events', activityLogSchema);
	if (!headerMiss(events.failed)) return events.sink.finish(events.reader, events.fed);
	const users = await attempt('users', userRowSchema);
	if (!users.failed) return users.sink.finish(users.reader, users.fed);
	// Neither layout. A header with only the user id of a log but some monthly counts is a per-user
	// file with columns missing; anything else gets the activity log's message.
	const f = events.failed as CsvJobFailure;
	const u = users.failed as CsvJobFailure;
	if (u.kind === 'missing-columns' && (f.kind === 'no-known-columns' || (f.missing?.length ?? 0) >= 2))
		return { ok: false, failure: { ...u, message: `Read as the per-user layout (one row per user with the 12 monthly counts): ${u.message}` } };
	const message =
		f.kind === 'no-known-columns'
			? `${f.message} An activity log needs User id, Timestamp and Event (Category and Amount optional); the per-user layout needs User id and the 12 monthly counts.`
			: f.message;
	return { ok: false, failure: { ...f, message } };
}

/** Read activity CSV text (synchronous work, returned as a promise like the Blob reader). */
export function readActivityText(text: string, options: ActivityReadOptions = {}): Promise<ActivityRead> {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	if (text.length > maxBytes) return Promise.resolve({ ok: false, failure: tooLarge(text.length, maxBytes) });
	return readEither(text.length, options, (reader, sink) =>
		feedText(text, reader, { chunkSize: options.chunkSize, onProgress: (fraction) => options.onProgress?.({ stage: 'parsing', fraction, rowsRead: sink.rows }) })
	);
}

/** Read an activity File/Blob chunk by chunk (the size limit is checked before anything is read). */
export function readActivityBlob(blob: Blob, options: ActivityReadOptions = {}): Promise<ActivityRead> {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	if (blob.size > maxBytes) return Promise.resolve({ ok: false, failure: tooLarge(blob.size, maxBytes) });
	return readEither(blob.size, options, (reader, sink) =>
		feedBlob(blob, reader, {
			chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
			signal: options.signal,
			onProgress: (fraction) => options.onProgress?.({ stage: 'parsing', fraction, rowsRead: sink.rows })
		})
	);
}
