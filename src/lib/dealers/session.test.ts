import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sealArtifact } from '../core/artifact/hash';
import type { DealerModelArtifact } from './artifacts';
import { originalLayoutCsv, richLayoutCsv, withDefects } from './csv';
import { generateNetwork } from './generator';
import { DealerSession, type SessionMessage, type SessionRequest, type SessionWorker } from './session';
import { serveDealerSession, type SessionScope } from './sessionHost';

const shipped = JSON.parse(readFileSync(new URL('../../../model-artifacts/dealers/model.json', import.meta.url), 'utf8')) as DealerModelArtifact;
/** The shipped model with a small demo network (re-sealed, so its hash still checks). */
const artifact = (await sealArtifact({ ...shipped, demo: { ...shipped.demo, dealers: 150 } })).artifact;

/** The worker's host and the page's client joined in this process (messages delivered asynchronously). */
function inProcessWorker(): SessionWorker {
	const scope: SessionScope = { onmessage: null, postMessage: (m: SessionMessage) => setTimeout(() => worker.onmessage?.({ data: m } as MessageEvent<SessionMessage>)) };
	serveDealerSession(scope);
	const worker: SessionWorker = {
		onmessage: null,
		onerror: null,
		postMessage: (m: SessionRequest) => setTimeout(() => scope.onmessage?.({ data: m } as MessageEvent<SessionRequest>)),
		terminate: () => {}
	};
	return worker;
}

describe('a dealer session', () => {
	it('opens the demo network with progress, then answers selections, pages, a dealer, the form and the CSV', async () => {
		const session = new DealerSession(inProcessWorker);
		const stages: string[] = [];
		const opened = await session.open({ type: 'open-demo', artifact, selection: {} }, (p) => stages.push(p.stage));
		if (!opened.ok) throw new Error('did not open');
		expect(stages).toContain('generating');
		expect(stages.at(-1)).toBe('analysing');
		expect(opened.source).toMatchObject({ kind: 'demo', layout: 'rich', dealers: 150, rows: 1800, issueCount: 0, peerSource: 'file' });
		expect(opened.overview.visitFirst).toHaveLength(20);
		expect(opened.overview.regions).toHaveLength(5);

		const west = await session.ask({ type: 'select', selection: { region: 4, months: [11] } });
		expect(west!.listed).toBe(30);
		expect(west!.months).toEqual([11]);
		const page = await session.ask({ type: 'page', offset: 20, count: 5 });
		expect(page).toHaveLength(5);
		for (const r of page!) expect(r.region).toBe('West');

		const bac = opened.overview.visitFirst[0].bac;
		const view = await session.ask({ type: 'dealer', bac });
		expect(view!.row.bac).toBe(bac);
		expect(view!.monthly.map((m) => m.month)).toEqual(['Dec']);
		expect(await session.ask({ type: 'dealer', bac: 1 })).toBeNull();

		const input = { region: 'West', month: 3, vdpViews: 6000, visitors: 2300, conversions: 60, leads: 150, sales: 20 };
		const form = await session.ask({ type: 'form', input });
		expect(form!.problem).toBeNull();
		expect(form!.expected!).toBeGreaterThan(10);
		expect(form!.steps!.closing.dealer).toBeCloseTo(20 / form!.expected!, 9);
		const bad = await session.ask({ type: 'form', input: { ...input, visitors: 7000 } });
		expect(bad!.problem!.column).toBe('Visitors');

		const csv = await session.ask({ type: 'csv' });
		expect(csv!.split('\r\n')[0]).toMatch(/^rank,BAC,Region,Vendor,months,sales_per_month,expected_per_month,effectiveness/);
		expect(csv!.trimEnd().split('\r\n')).toHaveLength(31);
		session.close();
	});

	it('reads the original layout, reporting kept-out rows in row order, and a file of nothing usable as a failure', async () => {
		const session = new DealerSession(inProcessWorker);
		const { table, defects } = withDefects(generateNetwork(5, 30).months, 3, 2, 4);
		const file = new Blob([originalLayoutCsv(table)]);
		const opened = await session.open({ type: 'open-file', artifact, selection: {}, file, fileName: 'mock.csv', maxBytes: 1e7 });
		if (!opened.ok) throw new Error('did not open');
		expect(opened.source).toMatchObject({ kind: 'file', layout: 'original', dealers: 30, totalRows: 360, rows: 355, issueCount: 5, peerSource: 'reference' });
		const rows = [...defects.negative.map((d) => d.row), ...defects.funnel].map((r) => r + 2).sort((a, b) => a - b);
		expect(opened.source.issues.map((i) => i.row)).toEqual(rows);

		const rich = await session.open({ type: 'open-file', artifact, selection: {}, file: new Blob([richLayoutCsv(generateNetwork(6, 120).months)]), fileName: 'rich.csv', maxBytes: 1e7 });
		expect(rich.ok && rich.source.peerSource).toBe('file');

		// What the drop zone needs to hold back a near-empty result, and a saved table reopened with its report.
		expect(opened.source.usage).toEqual({ rows: 360, usedRows: 355, complete: true });
		const mostlyBad = originalLayoutCsv(generateNetwork(5, 30).months)
			.split('\n')
			.map((line, i) => (i > 0 && i % 4 !== 0 && line ? line.replace(/,(\d+)$/, ',-$1') : line))
			.join('\n');
		const held = await session.open({ type: 'open-file', artifact, selection: {}, file: new Blob([mostlyBad]), fileName: 'bad.csv', maxBytes: 1e7 });
		expect(held.ok && held.source.usage.usedRows / held.source.usage.rows).toBeLessThan(0.5);
		const heldTable = await session.ask({ type: 'table' });
		const again = await session.open({ type: 'open-table', artifact, selection: {}, table: heldTable!, name: 'bad.csv', report: { totalRows: 360, issues: [], issueCount: 270, ignoredColumns: [], notes: [] } });
		expect(again.ok && again.source).toMatchObject({ kind: 'saved', name: 'bad.csv', totalRows: 360, issueCount: 270 });

		const nothing = await session.open({ type: 'open-file', artifact, selection: {}, file: new Blob(['a,b\n1,2\n']), fileName: 'x.csv', maxBytes: 1e7 });
		expect(nothing.ok).toBe(false);
		session.close();
	});

	it('refuses a damaged model and settles pending work as cancelled when closed', async () => {
		const session = new DealerSession(inProcessWorker);
		const damaged = { ...artifact, interval: { ...artifact.interval, modelError: 0 } };
		const outcome = await session.open({ type: 'open-demo', artifact: damaged, selection: {} });
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && 'failure' in outcome && outcome.failure?.message).toMatch(/integrity check/);
		const again = new DealerSession(inProcessWorker);
		const pending = again.open({ type: 'open-demo', artifact, selection: {} });
		again.close();
		expect(await pending).toEqual({ ok: false, cancelled: true });
	});
});
