/**
 * The worker side of a dealer session: opens a network (regenerates the demo network from its
 * seed, reads a CSV in either layout, or takes a saved table), scores every dealer-month and
 * analyses it, then answers the page's questions about it. Protocol in `session.ts`;
 * `session.worker.ts` serves it on the worker's global scope, tests on a stand-in scope.
 */
import { checkArtifact } from '../core/artifact/load';
import { toCsv } from '../core/csv/export';
import { parseCsvBlob } from '../core/csv/intake';
import type { CsvJobFailure, FileNote, FileUsage } from '../core/csv/types';
import type { RowIssue } from '../core/schema';
import { analyseNetwork, type NetworkAnalysis, type Selection } from './analysis';
import { DEALERS_TOOL, type DealerModelArtifact } from './artifacts';
import { expectedSalesModel, type ExpectedSalesModel } from './expected';
import { scoreForm } from './form';
import { demoTable, scoreAndAnalyse } from './demo';
import { originalLayoutCsv, richLayoutCsv } from './csv';
import { dealerRowsToTable } from './rows';
import { dealerMonthSchema } from './schema';
import type { ScoredNetwork } from './score';
import type { OpenRequest, Query, QueryAnswers, SessionMessage, SessionRequest, SourceInfo } from './session';
import type { DealerMonths } from './table';
import { dealerView, overview, rankedCsvRows, rankedPage } from './view';

/** The part of a worker's global scope the host uses. */
export interface SessionScope {
	onmessage: ((event: MessageEvent<SessionRequest>) => void) | null;
	postMessage(message: SessionMessage): void;
}

interface State {
	artifact: DealerModelArtifact;
	model: ExpectedSalesModel;
	scored: ScoredNetwork;
	analysis: NetworkAnalysis;
}
export function serveDealerSession(scope: SessionScope): void {
	const post = (message: SessionMessage) => scope.postMessage(message);
	let state: State | null = null;
	/** The artifact checked once per worker (its hash is verified on first use). */
	let checked: Promise<DealerModelArtifact> | null = null;

	const handle = async (request: SessionRequest): Promise<void> => {
		if (request.type === 'open-demo' || request.type === 'open-file' || request.type === 'open-table') {
			checked ??= checkArtifact<DealerModelArtifact>(request.artifact, { tool: DEALERS_TOOL, modelId: 'expected-sales' }, 'model.json');
			const opened = await open(request, await checked, post);
			if (opened) state = opened;
			return;
		}
		if (!state) {
			post({ id: request.id, type: 'failed', failure: { kind: 'internal', message: 'No network is open.' } });
			return;
		}
		post({ id: request.id, type: 'answer', answer: answer(state, request) });
	};

	scope.onmessage = (event) => {
		const request = event.data;
		handle(request).catch((error: unknown) => {
			const failure: CsvJobFailure = { kind: 'internal', message: `The analysis stopped with an error: ${error instanceof Error ? error.message : String(error)}` };
			post({ id: request.id, type: 'failed', failure });
		});
	};
}

function answer(s: State, q: Query): QueryAnswers[keyof QueryAnswers] {
	switch (q.type) {
		case 'select':
			s.analysis = analyseNetwork(s.scored, s.artifact.interval, q.selection);
			return overview(s.scored, s.analysis);
		case 'page':
			return rankedPage(s.scored, s.analysis, q.offset, q.count);
		case 'dealer':
			return dealerView(s.scored, s.analysis, q.bac);
		case 'form':
			return scoreForm(q.input, { scored: s.scored, nation: s.analysis.nation.kpis }, s.model, s.artifact.interval, s.artifact.serviceRates, s.artifact.inputRanges);
		case 'csv': {
			const { columns, rows } = rankedCsvRows(s.scored, s.analysis);
			return toCsv(columns, rows);
		}
		case 'source-csv':
			return q.layout === 'rich' && s.scored.table.rich ? richLayoutCsv(s.scored.table) : originalLayoutCsv(s.scored.table);
		case 'table':
			return s.scored.table;
	}
}

/** Open a network; posts progress and the outcome, and returns the new state (null on failure). */
async function open(request: OpenRequest & { id: number }, artifact: DealerModelArtifact, post: (m: SessionMessage) => void): Promise<State | null> {
	const { id } = request;
	const progress = (stage: 'generating' | 'reading' | 'scoring' | 'analysing', fraction: number) => post({ id, type: 'progress', progress: { stage, fraction } });
	const model = expectedSalesModel(artifact.model, artifact.encoders);
	const started = performance.now();

	let table: DealerMonths;
	let name: string;
	let issues: RowIssue[] = [];
	let issueCount = 0;
	let totalRows: number;
	let ignoredColumns: string[] = [];
	let notes: FileNote[] = [];
	let usage: FileUsage | null = null;
	if (request.type === 'open-demo') {
		progress('generating', 0);
		table = demoTable(artifact);
		name = 'the demo network';
		totalRows = table.n;
	} else if (request.type === 'open-table') {
		table = request.table;
		name = request.name;
		totalRows = table.n;
		// A saved file: what its intake reported when it was read.
		if (request.report) ({ totalRows, issues, issueCount, ignoredColumns, notes } = request.report);
	} else {
		name = request.fileName;
		const parsed = await parseCsvBlob(request.file, dealerMonthSchema, { maxBytes: request.maxBytes, onProgress: (p) => progress('reading', p.fraction * 0.5) });
		if (!parsed.ok) {
			post({ id, type: 'failed', failure: parsed.failure });
			return null;
		}
		const read = dealerRowsToTable(parsed.rows, parsed.rowNumbers);
		if (read.table.n === 0) {
			const first = read.issues[0];
			post({ id, type: 'failed', failure: { kind: 'no-good-rows', message: `None of the ${parsed.totalRows} dealer-month rows could be used. First problem: row ${first.row}, ${first.column}: ${first.reason}.`, issues: read.issues.slice(0, 100), issueCount: read.issues.length } });
			return null;
		}
		table = read.table;
		issues = [...parsed.issues, ...read.issues].sort((a, b) => a.row - b.row).slice(0, 100);
		issueCount = parsed.issueCount + read.issues.length;
		totalRows = parsed.totalRows;
		ignoredColumns = parsed.ignoredColumns;
		notes = parsed.notes;
		usage = { rows: parsed.usage.rows, usedRows: table.n, complete: parsed.usage.complete };
	}
	const readAt = performance.now();
	const scoringStart = request.type === 'open-file' ? 0.5 : 0.1;
	const { scored, analysis, scoreMs, analyseMs } = scoreAndAnalyse(artifact, table, request.selection as Selection, {
		model,
		onProgress: (f) => progress('scoring', scoringStart + f * (0.9 - scoringStart)),
		onAnalysing: () => progress('analysing', 0.9)
	});
	const source: SourceInfo = {
		kind: request.type === 'open-demo' ? 'demo' : request.type === 'open-file' ? 'file' : 'saved',
		name,
		layout: table.rich ? 'rich' : 'original',
		dealers: scored.dealers.count,
		rows: table.n,
		totalRows,
		issues,
		issueCount,
		ignoredColumns,
		notes,
		usage: usage ?? { rows: table.n, usedRows: table.n, complete: true },
		peerSource: scored.peerSource,
		regionNames: table.regionNames,
		vendorNames: table.vendorNames,
		timings: { readMs: readAt - started, scoreMs, analyseMs }
	};
	post({ id, type: 'opened', source, overview: overview(scored, analysis) });
	return { artifact, model, scored, analysis };
}
