import { describe, expect, it } from 'vitest';
import { freshStore } from '../core/history/testing';
import { CUSTOMER_FEATURES } from './features';
import type { SegmentsResult } from './job';
import { uploadFromRun, uploadRun } from './savedRuns';

/** A small result in the worker's shape (the analysis part is only what the adapter reads). */
function result(): SegmentsResult {
	const n = 3;
	return {
		fileName: 'march.csv',
		fileSize: 1234,
		report: { linesRead: 10, customers: n },
		issues: [{ row: 4, column: 'Quantity', reason: 'not a number' }],
		issueCount: 1,
		analysis: { customers: n, anonymous: { invoices: 1, revenue: 0, revenueShare: 0, byCluster: [1, 0] }, insiders: 1, period: ['2011-03-01', '2011-03-31'], clusters: [{ size: 2 }, { size: 1 }], map: { points: [] } },
		customers: {
			ids: ['17850', '13047', 'guest-1'],
			guest: new Uint8Array([0, 0, 1]),
			cluster: new Int32Array([4, 1, 0]),
			nextNearest: new Int32Array([1, 4, 2]),
			margin: new Float64Array([0.5, 0.25, -0]),
			lastPurchase: new Float64Array([1, 2, 3]),
			features: Object.fromEntries(CUSTOMER_FEATURES.map((f, i) => [f, new Float64Array([i, i + 1, NaN])]))
		}
	} as unknown as SegmentsResult;
}

describe('segments saved runs', () => {
	it('names the run after the file and sums it up in one line', () => {
		const run = uploadRun(result());
		expect(run).toMatchObject({ tool: 'segments', kind: 'upload', name: 'march.csv', summary: '3 customers, 1 Insider, 2011-03-01 to 2011-03-31', payloadVersion: 3 });
	});

	it('comes back from the device and from an exported file with its typed arrays', async () => {
		const phone = freshStore();
		const saved = await phone.save(uploadRun(result()));
		const opened = uploadFromRun((await phone.open(saved.id))!);
		expect(opened).toEqual(result());
		expect(opened?.customers.cluster).toBeInstanceOf(Int32Array);

		const laptop = freshStore();
		await laptop.importFile((await phone.exportAll()).file);
		const imported = uploadFromRun((await laptop.lastOpened('segments')) ?? (await laptop.open(saved.id))!);
		expect(imported).toEqual(result());
	});

	it('refuses a run it cannot show: another kind, another version, a damaged payload', () => {
		const run = { ...uploadRun(result()), id: 'x', savedAt: 1, size: 1, payloadVersion: 3 };
		expect(uploadFromRun(run)).not.toBeNull();
		expect(uploadFromRun({ ...run, kind: 'batch' })).toBeNull();
		expect(uploadFromRun({ ...run, payloadVersion: 2 })).toBeNull();
		const short = result();
		short.customers.cluster = new Int32Array(2);
		expect(uploadFromRun({ ...run, payload: short })).toBeNull();
		const missing = result();
		delete (missing.customers.features as Partial<typeof missing.customers.features>).grossRevenue;
		expect(uploadFromRun({ ...run, payload: missing })).toBeNull();
		expect(uploadFromRun({ ...run, payload: 'junk' })).toBeNull();
	});
});
