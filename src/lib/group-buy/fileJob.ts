/**
 * One group file from bytes to results, as the upload worker runs it (and the tests): the bytes
 * sniffed and decoded by the shared reader's rules (core/csv/source: a workbook, picture or PDF
 * named and refused; UTF-16 and Windows-1252 read, with a note), the layout read
 * (`readGroupFile`), then every member's top 10. Pure TS, no DOM.
 */
import { readBlobText } from '../core/csv/source';
import type { ShopperArtifact } from './artifact';
import { recommendAll } from './batch';
import type { GroupFileResult } from './job';
import { shopperModel } from './model';
import { readGroupFile } from './upload';

export type GroupFileJobOutcome = { ok: true; result: GroupFileResult } | { ok: false; message: string };

export async function groupFileJob(
	file: Blob,
	fileName: string,
	artifact: ShopperArtifact | Promise<ShopperArtifact>,
	onProgress: (stage: 'parsing' | 'scoring', fraction: number, lines: number) => void = () => {}
): Promise<GroupFileJobOutcome> {
	const started = performance.now();
	const decoded = await readBlobText(file);
	if (!decoded.ok) return { ok: false, message: decoded.failure.message };
	const a = await artifact;
	const outcome = readGroupFile(decoded.text, fileName, a.items, (fraction, lines) => onProgress('parsing', fraction * 0.8, lines));
	if (!outcome.ok) return outcome;
	const read = { ...outcome.read, notes: [...decoded.notes, ...outcome.read.notes] };
	const readMs = performance.now() - started;
	onProgress('scoring', 0.8, read.linesRead);
	const t = performance.now();
	const recommendations = read.members.length ? recommendAll(shopperModel(a), a, read.members) : [];
	return { ok: true, result: { ...read, recommendations, timings: { readMs, recommendMs: performance.now() - t } } };
}
