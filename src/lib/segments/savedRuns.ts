/**
 * What the segments page keeps on the device (core/history): the analysis of an uploaded file,
 * saved when it finishes, as the worker returned it (its customers are typed arrays, which
 * IndexedDB stores in one block). Pure: no DOM.
 */
import type { NewRun, SavedRun } from '../core/history';
import { CUSTOMER_FEATURES } from './features';
import type { SegmentsResult } from './job';
import { SEGMENTS_TOOL } from './model';
import { formatDecimal } from '../core/decimalText';

export const UPLOAD_KIND = 'upload';
/** 2: the analysis counts anonymous invoices apart (`analysis.anonymous`); 3: the forecast's range and candidates changed shape (BG/NBD, coverage). */
export const UPLOAD_PAYLOAD_VERSION = 3;

export function uploadRun(result: SegmentsResult): NewRun<SegmentsResult> {
	const a = result.analysis;
	const count = (n: number) => formatDecimal(n);
	const insiders = a.clusters[a.insiders]?.size ?? 0; // `insiders` is the cluster's index
	return {
		tool: SEGMENTS_TOOL,
		kind: UPLOAD_KIND,
		name: result.fileName,
		summary: `${count(a.customers)} customers, ${count(insiders)} Insider${insiders === 1 ? '' : 's'}, ${a.period[0]} to ${a.period[1]}`,
		payload: result,
		payloadVersion: UPLOAD_PAYLOAD_VERSION
	};
}

/** A saved upload as the page shows it; null when it is not one this page reads (another version, a damaged import). */
export function uploadFromRun(run: SavedRun): SegmentsResult | null {
	if (run.kind !== UPLOAD_KIND || run.payloadVersion !== UPLOAD_PAYLOAD_VERSION) return null;
	const r = run.payload as Partial<SegmentsResult> | null;
	const a = r?.analysis;
	const c = r?.customers;
	if (!r || typeof r.fileName !== 'string' || !r.report || !Array.isArray(r.issues) || !a || !c) return null;
	if (typeof a.customers !== 'number' || !a.anonymous || !Array.isArray(a.clusters) || !Array.isArray(a.period) || !a.map) return null;
	const n = c.ids?.length;
	const columns = [c.guest, c.cluster, c.nextNearest, c.margin, c.lastPurchase, ...CUSTOMER_FEATURES.map((f) => c.features?.[f])];
	if (!Array.isArray(c.ids) || !columns.every((col) => ArrayBuffer.isView(col) && (col as Int32Array).length === n)) return null;
	return r as SegmentsResult;
}
