/**
 * What a customer aggregator (features.ts) counts while reading: lines read, unreadable, overflowing,
 * removed by each cleaning rule, lines of guest customers, and the problems found, by row (the first
 * `maxIssues` kept, all counted). Pure, no DOM.
 */
import type { RowIssue } from '../core/schema';
import type { RemovalRule } from './clean';

/** The counts as plain data, for reading a file in parts on several threads. */
export interface TallyState {
	linesRead: number;
	unreadableLines: number;
	/** Lines left out because quantity × unit price overflows. */
	overflowLines: number;
	/** Lines swallowed by unreadable records that ran over several lines (a stray quote). */
	extraLines: number;
	removed: Record<RemovalRule, number>;
	guestLines: number;
	issues: RowIssue[];
	issueCount: number;
}

export class ReadingTally implements TallyState {
	linesRead = 0;
	unreadableLines = 0;
	overflowLines = 0;
	extraLines = 0;
	readonly removed: Record<RemovalRule, number> = { 'low-price': 0, 'stock-code': 0, country: 0, 'zero-quantity': 0 };
	/** Kept lines whose customer is a guest (an invoice without a customer id). */
	guestLines = 0;
	readonly issues: RowIssue[] = [];
	issueCount = 0;

	constructor(readonly maxIssues: number) {}

	issue(row: number, column: string | null, reason: string): void {
		this.issueCount++;
		if (this.issues.length < this.maxIssues) this.issues.push({ row, column, reason });
	}

	copy(): TallyState {
		const { linesRead, unreadableLines, overflowLines, extraLines, guestLines, issueCount } = this;
		return { linesRead, unreadableLines, overflowLines, extraLines, removed: { ...this.removed }, guestLines, issues: this.issues.slice(), issueCount };
	}

	/** Add the counts of the part of the file that follows (`rowOffset`: the rows before it, header included). */
	absorb(other: TallyState, rowOffset: number): void {
		this.linesRead += other.linesRead;
		this.unreadableLines += other.unreadableLines;
		this.overflowLines += other.overflowLines;
		this.extraLines += other.extraLines;
		for (const rule of Object.keys(this.removed) as RemovalRule[]) this.removed[rule] += other.removed[rule];
		this.guestLines += other.guestLines;
		for (const problem of other.issues) if (this.issues.length < this.maxIssues) this.issues.push({ ...problem, row: problem.row + rowOffset });
		this.issueCount += other.issueCount;
	}
}
