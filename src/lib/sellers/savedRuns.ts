/**
 * What the seller finder keeps on the device (core/history): the analysis of an uploaded file,
 * saved when it finishes, as the worker returned it (typed arrays are stored as blocks). Pure: no DOM.
 */
import type { NewRun, SavedRun } from '../core/history';
import type { SellersResult } from './job';
import { SELLERS_TOOL } from './model';
import { formatDecimal } from '../core/decimalText';

export const UPLOAD_KIND = 'upload';
export const UPLOAD_PAYLOAD_VERSION = 1;

export function uploadRun(result: SellersResult): NewRun<SellersResult> {
	const a = result.analysis;
	const n = formatDecimal(a.candidates.ids.length);
	return {
		tool: SELLERS_TOOL,
		kind: UPLOAD_KIND,
		name: result.fileName,
		summary: a.layout === 'events' ? `${n} candidates, ${formatDecimal(a.events)} events` : `${n} users (one row per user)`,
		payload: result,
		payloadVersion: UPLOAD_PAYLOAD_VERSION
	};
}

/** A saved upload as the page shows it; null when it is not one this page reads (another version, a damaged import). */
export function uploadFromRun(run: SavedRun): SellersResult | null {
	if (run.tool !== SELLERS_TOOL || run.kind !== UPLOAD_KIND || run.payloadVersion !== UPLOAD_PAYLOAD_VERSION) return null;
	const r = run.payload as Partial<SellersResult> | null;
	const a = r?.analysis;
	const c = a?.candidates;
	if (!r || typeof r.fileName !== 'string' || !r.report || !Array.isArray(r.issues) || !a || !c) return null;
	if (!Array.isArray(a.categories) || !Array.isArray(a.levels) || !Array.isArray(a.activity) || !Array.isArray(a.rangeWarnings) || !Array.isArray(c.ids) || !Array.isArray(c.features)) return null;
	const n = c.ids.length;
	const w = c.features.length;
	const typed = (x: unknown, length: number) => ArrayBuffer.isView(x) && (x as Float64Array).length === length;
	if (!typed(c.X, n * w) || !typed(c.probability, n) || !typed(c.recentOffsets, n + 1) || !typed(c.driverFeature, n * 3) || !typed(c.driverEffect, n * 3)) return null;
	const last = n > 0 ? (c.recentOffsets as Uint32Array)[n] : 0;
	if (!typed(c.recentCategory, last) || !typed(c.recentCount, last)) return null;
	return r as SellersResult;
}
