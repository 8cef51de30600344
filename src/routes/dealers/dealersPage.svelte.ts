/**
 * The dealer page's state: the open network (held by a worker session), the filters, the overview
 * the worker computed for them, the dealer on screen, and the open in progress. Opening a file runs
 * in a new session; only when it succeeds does it replace the network on screen, so a bad or
 * cancelled file never replaces a good result.
 */
import type { CsvJobFailure, FileNote, FileUsage, JobProgress } from '$lib/core/csv/types';
import type { RowIssue } from '$lib/core/schema';
import type { Selection } from '$lib/dealers/analysis';
import type { DealerModelArtifact } from '$lib/dealers/artifacts';
import type { FormInput, FormResult } from '$lib/dealers/form';
import { ORIGINAL_WEIGHTS } from '$lib/dealers/kpis';
import { DealerSession, type OpenRequest, type SessionProgress, type SourceInfo } from '$lib/dealers/session';
import type { DealerFilePayload } from '$lib/dealers/savedRuns';
import type { DealerMonths, LeadSource } from '$lib/dealers/table';
import type { DealerRow, DealerView, Overview } from '$lib/dealers/view';
import DealerWorker from '$lib/dealers/session.worker.ts?worker';

/** What the file drop zone gets back from a successful open. */
export interface OpenedFile {
	fileName: string;
	issues: RowIssue[];
	issueCount: number;
	ignoredColumns: string[];
	missingOptional: string[];
	notes: FileNote[];
	usage: FileUsage;
	source: SourceInfo;
}

export type FileOutcome = { ok: true; result: OpenedFile } | { ok: false; failure: CsvJobFailure; cancelled?: undefined } | { ok: false; cancelled: true; failure?: undefined };

export interface Filters {
	/** One month index, or null for the whole year. */
	month: number | null;
	region: number | null;
	vendor: number | null;
	source: LeadSource | null;
	/** Share of the overall index given to generating, 0..1 (the original: 0.37). */
	generating: number;
	frontierInput: 'vdpViews' | 'leads';
}

export const PAGE_SIZE = 20;
/** A year of 100,000 dealers in the richer layout is about 100 MB. */
const MAX_FILE_BYTES = 100 * 1024 * 1024;

export const STAGE_WORDS: Record<SessionProgress['stage'], string> = {
	generating: 'Generating the demo network',
	reading: 'Reading the file',
	scoring: 'Scoring every dealer-month',
	analysing: 'Ranking dealers'
};

export function selectionOf(f: Filters): Selection {
	return {
		months: f.month === null ? [] : [f.month],
		region: f.region,
		vendor: f.vendor,
		source: f.source,
		weights: { generating: f.generating, sales: ORIGINAL_WEIGHTS.sales },
		frontierInput: f.frontierInput
	};
}

/** The shipped first view as a source, until the worker has rebuilt the demo network. */
function shippedSource(a: DealerModelArtifact): SourceInfo {
	const v = a.firstView;
	return {
		kind: 'demo',
		name: 'the demo network',
		layout: 'rich',
		dealers: v.dealers,
		rows: v.rows,
		totalRows: v.rows,
		issues: [],
		issueCount: 0,
		ignoredColumns: [],
		notes: [],
		usage: { rows: v.rows, usedRows: v.rows, complete: true },
		peerSource: 'file',
		regionNames: v.regionNames,
		vendorNames: v.vendorNames,
		timings: { readMs: 0, scoreMs: 0, analyseMs: 0 }
	};
}

export class DealersPage {
	/** What is on screen: the shipped first view of the demo network until a session has opened. */
	source = $state.raw<SourceInfo>() as SourceInfo;
	overview = $state.raw<Overview>() as Overview;
	/** A worker holds the network on screen (filters, dealers, the form and downloads work). */
	live = $state(false);
	/** Ranked rows beyond the overview's first page. */
	more = $state.raw<DealerRow[]>([]);
	filters = $state<Filters>({ month: null, region: null, vendor: null, source: null, generating: ORIGINAL_WEIGHTS.generating, frontierInput: 'vdpViews' });
	progress = $state.raw<SessionProgress | null>(null);
	failure = $state.raw<CsvJobFailure | null>(null);
	dealer = $state.raw<DealerView | null>(null);
	/** The dealer asked for (from the URL or a click), whether or not it is in the network. */
	dealerBac = $state<number | null>(null);
	/** Called when the person leaves an opened file for the demo network (saved runs forget it). */
	onleavefile: (() => void) | null = null;
	private session: DealerSession | null = null;
	private selectionRequest = 0;
	/** The latest open: an older one that finishes later (the demo after a file) never replaces it. */
	private openRequest = 0;
	/** A file opened in its own session, waiting for the drop zone to show it (it may be held back). */
	private pending: { session: DealerSession; result: OpenedFile; overview: Overview } | null = null;

	constructor(private readonly artifact: DealerModelArtifact) {
		this.source = shippedSource(artifact);
		this.overview = artifact.firstView.overview;
	}

	private newSession(): DealerSession {
		return new DealerSession(() => new DealerWorker());
	}

	/** Open the demo network (the first view). */
	async openDemo(): Promise<void> {
		this.dropPending();
		if (this.source.kind !== 'demo') this.onleavefile?.();
		const session = this.newSession();
		const ticket = ++this.openRequest;
		this.progress = { stage: 'generating', fraction: 0 };
		const outcome = await session.open({ type: 'open-demo', artifact: this.artifact, selection: selectionOf(this.filters) }, (p) => {
			if (ticket === this.openRequest) this.progress = p;
		});
		if (ticket !== this.openRequest) {
			session.close();
			return;
		}
		this.progress = null;
		if (!outcome.ok) {
			session.close();
			if (!('cancelled' in outcome)) this.failure = outcome.failure;
			return;
		}
		await this.adopt(session, outcome.source, outcome.overview);
	}

	/**
	 * For the drop zone: open a file in a new session. The network on screen is replaced only when
	 * the drop zone shows the result (`showFile`): a failed, cancelled or held-back file (built from a
	 * small share of its rows) never replaces it.
	 */
	startFile(file: File, onProgress: (p: JobProgress) => void): { promise: Promise<FileOutcome>; cancel(): void } {
		this.dropPending();
		const session = this.newSession();
		const ticket = ++this.openRequest;
		this.progress = null;
		const request: OpenRequest = { type: 'open-file', artifact: this.artifact, selection: selectionOf(this.filters), file, fileName: file.name, maxBytes: MAX_FILE_BYTES };
		const promise = session
			.open(request, (p) => onProgress({ stage: p.stage === 'reading' ? 'parsing' : 'scoring', fraction: p.fraction, rowsRead: 0 }))
			.then(async (outcome): Promise<FileOutcome> => {
				if (!outcome.ok || ticket !== this.openRequest) {
					session.close();
					if (outcome.ok) return { ok: false, cancelled: true };
					return 'cancelled' in outcome ? { ok: false, cancelled: true } : { ok: false, failure: outcome.failure };
				}
				const s = outcome.source;
				const result: OpenedFile = { fileName: s.name, issues: s.issues, issueCount: s.issueCount, ignoredColumns: s.ignoredColumns, missingOptional: [], notes: s.notes, usage: s.usage, source: s };
				this.pending = { session, result, overview: outcome.overview };
				return { ok: true, result };
			});
		return { promise, cancel: () => session.close() };
	}

	/** The drop zone shows an opened file: its network replaces the one on screen. */
	async showFile(result: OpenedFile): Promise<void> {
		const p = this.pending;
		if (!p || p.result !== result) return;
		this.pending = null;
		await this.adopt(p.session, p.result.source, p.overview);
	}

	/** The table on screen (for saving it on the device), or null. */
	async table(): Promise<DealerMonths | null> {
		return this.session ? this.session.ask({ type: 'table' }) : null;
	}

	/** Open a saved file's table in a new session; it replaces the network on screen when it opens. */
	async openSaved(payload: DealerFilePayload): Promise<boolean> {
		this.dropPending();
		const session = this.newSession();
		const ticket = ++this.openRequest;
		this.progress = { stage: 'scoring', fraction: 0 };
		const request: OpenRequest = { type: 'open-table', artifact: this.artifact, selection: selectionOf(this.filters), table: payload.table, name: payload.fileName, report: payload.report };
		const outcome = await session.open(request, (p) => {
			if (ticket === this.openRequest) this.progress = p;
		});
		if (ticket !== this.openRequest || !outcome.ok) {
			session.close();
			if (ticket === this.openRequest) {
				this.progress = null;
				if (!outcome.ok && !('cancelled' in outcome)) this.failure = outcome.failure;
			}
			return false;
		}
		this.progress = null;
		await this.adopt(session, outcome.source, outcome.overview);
		return true;
	}

	private dropPending(): void {
		this.pending?.session.close();
		this.pending = null;
	}

	private async adopt(session: DealerSession, source: SourceInfo, overview: Overview): Promise<void> {
		this.session?.close();
		this.session = session;
		this.live = true;
		this.failure = null;
		this.source = source;
		this.overview = overview;
		this.more = [];
		if (this.filters.region !== null && this.filters.region >= source.regionNames.length) this.filters.region = null;
		if (this.filters.vendor !== null && this.filters.vendor >= source.vendorNames.length) this.filters.vendor = null;
		await this.refreshDealer();
	}

	/** Recompute the overview after a filter change (the last request wins). */
	async applyFilters(): Promise<void> {
		if (!this.session) return;
		const mine = ++this.selectionRequest;
		const overview = await this.session.ask({ type: 'select', selection: selectionOf(this.filters) });
		if (mine !== this.selectionRequest || !overview) return;
		this.overview = overview;
		this.more = [];
		await this.refreshDealer();
	}

	async showMore(): Promise<void> {
		if (!this.session || !this.overview) return;
		const offset = this.overview.visitFirst.length + this.more.length;
		const rows = await this.session.ask({ type: 'page', offset, count: PAGE_SIZE });
		if (rows) this.more = [...this.more, ...rows];
	}

	async openDealer(bac: number | null): Promise<void> {
		this.dealerBac = bac;
		await this.refreshDealer();
	}

	private async refreshDealer(): Promise<void> {
		const bac = this.dealerBac;
		if (bac === null || !this.session) {
			this.dealer = null;
			return;
		}
		const view = await this.session.ask({ type: 'dealer', bac });
		if (this.dealerBac === bac) this.dealer = view;
	}

	async scoreForm(input: FormInput): Promise<FormResult | null> {
		return this.session ? this.session.ask({ type: 'form', input }) : null;
	}

	async rankedCsv(): Promise<string | null> {
		return this.session ? this.session.ask({ type: 'csv' }) : null;
	}

	async sourceCsv(layout: 'original' | 'rich'): Promise<string | null> {
		return this.session ? this.session.ask({ type: 'source-csv', layout }) : null;
	}

	close(): void {
		this.dropPending();
		this.session?.close();
		this.session = null;
		this.live = false;
	}
}
