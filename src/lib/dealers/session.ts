/**
 * A dealer network held by a Web Worker (`session.worker.ts`), from the page's side. Opening one
 * (the demo network, a CSV file, a saved table) generates or reads it, scores it and analyses it
 * off the main thread, with progress; afterwards the page asks the same worker for other
 * selections, a page of the ranked list, one dealer's view, a one-dealer form result or the CSV of
 * the ranked list, each answered by id. Closing terminates the worker, which is how an open is
 * cancelled. Uses only the Worker API, no DOM.
 */
import type { CsvJobFailure, FileNote, FileUsage } from '../core/csv/types';
import type { RowIssue } from '../core/schema';
import type { Selection } from './analysis';
import type { DealerModelArtifact } from './artifacts';
import type { DealerMonthInput } from './features';
import type { FormResult } from './form';
import type { FileReport } from './savedRuns';
import type { DealerMonths } from './table';
import type { DealerRow, DealerView, Overview } from './view';

/** What was opened, for the "Showing" line and the saved-runs list. */
export interface SourceInfo {
	kind: 'demo' | 'file' | 'saved';
	name: string;
	/** 'original': the original project's columns only; 'rich': any of the richer layout's. */
	layout: 'original' | 'rich';
	dealers: number;
	rows: number;
	/** Data rows in the file, and those kept out (with the first problems by row). */
	totalRows: number;
	issues: RowIssue[];
	issueCount: number;
	ignoredColumns: string[];
	/** Whole-file notes (encoding, line endings, implausible rows, …). */
	notes: FileNote[];
	/** How much of the file could be used: a result from a small share of it is held back. */
	usage: FileUsage;
	/** Whose peers the funnel comparison uses. */
	peerSource: 'file' | 'reference';
	regionNames: string[];
	vendorNames: string[];
	/** Milliseconds in the worker: generating or reading the rows, scoring them, analysing. */
	timings: { readMs: number; scoreMs: number; analyseMs: number };
}

export interface SessionProgress {
	stage: 'generating' | 'reading' | 'scoring' | 'analysing';
	/** 0..1 within the whole open. */
	fraction: number;
}

export type OpenRequest =
	| { type: 'open-demo'; artifact: DealerModelArtifact; selection: Selection }
	| { type: 'open-file'; artifact: DealerModelArtifact; selection: Selection; file: Blob; fileName: string; maxBytes: number }
	| { type: 'open-table'; artifact: DealerModelArtifact; selection: Selection; table: DealerMonths; name: string; report?: FileReport };

export type Query =
	| { type: 'select'; selection: Selection }
	| { type: 'page'; offset: number; count: number }
	| { type: 'dealer'; bac: number }
	| { type: 'form'; input: DealerMonthInput & { sales: number } }
	| { type: 'csv' }
	| { type: 'source-csv'; layout: 'original' | 'rich' }
	| { type: 'table' };

export interface QueryAnswers {
	select: Overview;
	page: DealerRow[];
	dealer: DealerView | null;
	form: FormResult;
	csv: string;
	'source-csv': string;
	table: DealerMonths;
}

export type SessionRequest = (OpenRequest | Query) & { id: number };

export type SessionMessage =
	| { id: number; type: 'progress'; progress: SessionProgress }
	| { id: number; type: 'opened'; source: SourceInfo; overview: Overview }
	| { id: number; type: 'answer'; answer: QueryAnswers[keyof QueryAnswers] }
	| { id: number; type: 'failed'; failure: CsvJobFailure };

export interface SessionWorker {
	onmessage: ((event: MessageEvent<SessionMessage>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	postMessage(message: SessionRequest, transfer?: Transferable[]): void;
	terminate(): void;
}

export type OpenOutcome = { ok: true; source: SourceInfo; overview: Overview } | { ok: false; failure: CsvJobFailure } | { ok: false; cancelled: true };

export class DealerSession {
	private readonly worker: SessionWorker;
	private next = 1;
	private readonly pending = new Map<number, { resolve: (m: SessionMessage) => void; onProgress?: (p: SessionProgress) => void }>();
	private closed = false;

	constructor(createWorker: () => SessionWorker | Worker) {
		this.worker = createWorker() as SessionWorker;
		this.worker.onmessage = (event) => {
			const m = event.data;
			const waiting = this.pending.get(m.id);
			if (!waiting) return;
			if (m.type === 'progress') waiting.onProgress?.(m.progress);
			else {
				this.pending.delete(m.id);
				waiting.resolve(m);
			}
		};
		this.worker.onerror = (event) => {
			event.preventDefault?.();
			this.failAll(`The background worker stopped with an error${event.message ? `: ${event.message}` : ''}.`);
		};
	}

	private send(request: OpenRequest | Query, onProgress?: (p: SessionProgress) => void): Promise<SessionMessage> {
		const id = this.next++;
		return new Promise((resolve) => {
			if (this.closed) {
				resolve({ id, type: 'failed', failure: { kind: 'internal', message: 'cancelled' } });
				return;
			}
			this.pending.set(id, { resolve, onProgress });
			this.worker.postMessage({ ...request, id } as SessionRequest);
		});
	}

	private failAll(message: string) {
		for (const [id, w] of this.pending) w.resolve({ id, type: 'failed', failure: { kind: 'internal', message } });
		this.pending.clear();
	}

	/** Open a network in this session's worker. */
	async open(request: OpenRequest, onProgress?: (p: SessionProgress) => void): Promise<OpenOutcome> {
		const m = await this.send(request, onProgress);
		if (this.closed) return { ok: false, cancelled: true };
		if (m.type === 'opened') return { ok: true, source: m.source, overview: m.overview };
		if (m.type === 'failed') return { ok: false, failure: m.failure };
		return { ok: false, failure: { kind: 'internal', message: 'unexpected answer from the worker' } };
	}

	/** Ask about the opened network; null once closed or when the worker failed. */
	async ask<K extends Query['type']>(query: Extract<Query, { type: K }>): Promise<QueryAnswers[K] | null> {
		const m = await this.send(query);
		return m.type === 'answer' ? (m.answer as QueryAnswers[K]) : null;
	}

	/** Stop the worker; pending answers settle (opens as cancelled, queries as null). */
	close(): void {
		if (this.closed) return;
		this.closed = true;
		this.worker.onmessage = this.worker.onerror = null;
		this.worker.terminate();
		this.failAll('cancelled');
	}
}
