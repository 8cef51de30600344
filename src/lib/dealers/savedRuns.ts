/**
 * What the dealer page keeps on the device (core/history): an opened file's dealer-months (the
 * table the worker scored, typed arrays stored as blocks) with what its intake reported, so the
 * network is recomputed exactly when it is reopened. Pure: no DOM.
 */
import type { FileNote } from '../core/csv/types';
import type { NewRun, SavedRun } from '../core/history';
import type { RowIssue } from '../core/schema';
import { DEALERS_TOOL } from './artifacts';
import { FUNNEL_FIELDS, RICH_FIELDS, type DealerMonths } from './table';
import { formatDecimal } from '../core/decimalText';
import { rowsKeptOutText } from './words';

export const FILE_KIND = 'file';
export const FILE_PAYLOAD_VERSION = 1;

/** What the file's intake said, shown again when the saved network is reopened. */
export interface FileReport {
	totalRows: number;
	issues: RowIssue[];
	issueCount: number;
	ignoredColumns: string[];
	notes: FileNote[];
}

export interface DealerFilePayload {
	fileName: string;
	table: DealerMonths;
	report: FileReport;
}

const count = (n: number) => formatDecimal(n);

export function dealerFileRun(fileName: string, table: DealerMonths, report: FileReport, dealers: number): NewRun<DealerFilePayload> {
	return {
		tool: DEALERS_TOOL,
		kind: FILE_KIND,
		name: fileName,
		summary: `${count(dealers)} ${dealers === 1 ? 'dealer' : 'dealers'}, ${count(table.n)} dealer-months${rowsKeptOutText(report.totalRows, table.n) ? `, ${rowsKeptOutText(report.totalRows, table.n)}` : ''}`,
		payload: { fileName, table, report },
		payloadVersion: FILE_PAYLOAD_VERSION
	};
}

function isTable(t: Partial<DealerMonths> | undefined): t is DealerMonths {
	if (!t || !Number.isInteger(t.n) || (t.n as number) < 1) return false;
	const n = t.n as number;
	const typed = (x: unknown, kind: { new (n: number): ArrayLike<number> }) => x instanceof kind && (x as ArrayLike<number>).length === n;
	if (!typed(t.bac, Int32Array) || !typed(t.region, Uint16Array) || !typed(t.month, Uint8Array) || !typed(t.vendor, Uint16Array)) return false;
	if (!Array.isArray(t.regionNames) || !Array.isArray(t.vendorNames) || !t.regionNames.every((s) => typeof s === 'string') || !t.vendorNames.every((s) => typeof s === 'string')) return false;
	if (!t.funnel || !FUNNEL_FIELDS.every((f) => typed(t.funnel?.[f], Float64Array))) return false;
	if (t.rich !== null && (!t.rich || !RICH_FIELDS.every((f) => typed(t.rich?.[f], Float64Array)))) return false;
	const { month, region, regionNames } = t as DealerMonths;
	for (let i = 0; i < n; i++) if (month[i] > 11 || region[i] >= regionNames.length) return false;
	return true;
}

/** A saved file's payload, checked; null when it is not one this page reads (another version, a damaged import). */
export function dealerFileFromRun(run: SavedRun): DealerFilePayload | null {
	if (run.tool !== DEALERS_TOOL || run.kind !== FILE_KIND || run.payloadVersion !== FILE_PAYLOAD_VERSION) return null;
	const p = run.payload as Partial<DealerFilePayload> | null;
	const r = p?.report;
	if (!p || typeof p.fileName !== 'string' || !r || !Array.isArray(r.issues) || !Array.isArray(r.ignoredColumns) || !Array.isArray(r.notes)) return null;
	if (!Number.isInteger(r.totalRows) || !Number.isInteger(r.issueCount)) return null;
	return isTable(p.table) ? (p as DealerFilePayload) : null;
}
