/**
 * The invoice dates a customer aggregator (features.ts) reads: each text to a date code (core/dates),
 * and the evidence of the file's day/month order. A run of lines with the same date text (one
 * invoice) is read and votes once; up to 5 texts whose order the values cannot show are kept as
 * examples for the question. Pure, no DOM.
 */
import { DateOrderEvidence, type DateOrderVotes, isDayMonthCode, scanDate, unpackDateCode } from '../core/dates';

/** The dates' evidence as plain data, for reading a file in parts on several threads. */
export interface DatesState {
	evidence: DateOrderVotes;
	ambiguousExamples: string[];
	/** The date text and code of the first line that voted on the date order (null: none). */
	firstVote: { text: string; code: number } | null;
}

const MAX_EXAMPLES = 5;

export class InvoiceDates {
	readonly evidence = new DateOrderEvidence();
	readonly ambiguousExamples: string[] = [];
	private firstVote: DatesState['firstVote'] = null;
	private lastText = '';
	private lastCode = -1;

	/** The date code of a date text as written (-1: not a date). */
	codeOf(text: string): number {
		if (text === this.lastText && this.lastCode >= 0) return this.lastCode;
		const code = scanDate(text);
		this.lastCode = code;
		this.lastText = text;
		if (code >= 0) {
			this.firstVote ??= { text, code };
			this.evidence.add(code);
			this.noteExample(code, text);
		}
		return code;
	}

	/** A vote of a date given as a code (typed lines). */
	vote(code: number): void {
		this.evidence.add(code);
	}

	copy(): DatesState {
		return { evidence: this.evidence.toJSON(), ambiguousExamples: this.ambiguousExamples.slice(), firstVote: this.firstVote };
	}

	/** Add the votes of the part of the file that follows; a run of equal dates across the cut votes once. */
	absorb(other: DatesState): void {
		this.evidence.merge(other.evidence);
		if (other.firstVote && other.firstVote.text === this.lastText && this.lastCode >= 0) this.evidence.remove(other.firstVote.code);
		for (const example of other.ambiguousExamples) if (this.ambiguousExamples.length < MAX_EXAMPLES && !this.ambiguousExamples.includes(example)) this.ambiguousExamples.push(example);
		this.firstVote ??= other.firstVote;
	}

	private noteExample(code: number, text: string): void {
		if (this.ambiguousExamples.length >= MAX_EXAMPLES || !isDayMonthCode(code)) return;
		const [, a, b] = unpackDateCode(code);
		if (a <= 12 && b <= 12 && a !== b && !this.ambiguousExamples.includes(text)) this.ambiguousExamples.push(text);
	}
}
