// The dealer page's upload, for the hostile suite: the file opened in a dealer session exactly as
// its worker does it (src/lib/dealers/sessionHost.ts: the shared reader, the plausibility screen,
// the funnel checks, scoring and the analysis), with the shipped model, and the sentences and
// numbers the page shows (the drop zone's summary, the network overview).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { heldBack } from '../../../src/lib/core/csv/acceptance';
import type { DealerModelArtifact } from '../../../src/lib/dealers/artifacts';
import { richLayoutCsv } from '../../../src/lib/dealers/csv';
import { generateNetwork } from '../../../src/lib/dealers/generator';
import type { SessionMessage, SessionRequest } from '../../../src/lib/dealers/session';
import { serveDealerSession, type SessionScope } from '../../../src/lib/dealers/sessionHost';
import { issueText, type ToolIntake } from '../intake';
import { readTable } from '../table';
import { numbersIn } from './numbers';

const artifact = JSON.parse(readFileSync(fileURLToPath(new URL('../../../model-artifacts/dealers/model.json', import.meta.url)), 'utf8')) as DealerModelArtifact;

/** Open one file in a fresh session host, as the page's worker does; resolves to the final message. */
function openInSession(file: Blob, fileName: string): Promise<SessionMessage> {
	return new Promise((resolve) => {
		const scope: SessionScope = {
			onmessage: null,
			postMessage: (m) => {
				if (m.type !== 'progress') resolve(m);
			}
		};
		serveDealerSession(scope);
		const request: SessionRequest = { id: 1, type: 'open-file', artifact, selection: {}, file, fileName, maxBytes: 100 * 1024 * 1024 };
		scope.onmessage?.({ data: request } as MessageEvent<SessionRequest>);
	});
}

export function dealersUploadIntake(): ToolIntake {
	return {
		name: 'Dealer upload',
		// Five seeded dealers over a year, in the richer layout.
		table: () => readTable(richLayoutCsv(generateNetwork(11, 5).months)),
		// No text id: a dealer's id is its BAC, a number; the vendor is one per dealer, not an id to damage.
		columns: { number: 'Visitors', secondNumber: 'LeadVolume', month: 'Month', text: 'Region', required: 'Sales' },
		async run(file, fileName) {
			const m = await openInSession(file, fileName);
			if (m.type === 'failed') return { failure: m.failure, result: null, texts: [m.failure.message, ...(m.failure.issues ?? []).map(issueText)], numbers: [] };
			if (m.type !== 'opened') throw new Error(`unexpected message ${m.type}`);
			const s = m.source;
			const held = heldBack(s.usage, s.issues, s.notes);
			const texts = [
				`${s.rows} dealer-months of ${s.dealers} dealers opened; ${s.issueCount} rows kept out`,
				...s.issues.map(issueText),
				...s.notes.map((n) => n.text),
				...(held ? [held.title, held.message] : [])
			];
			return { failure: null, result: { usage: s.usage, issues: s.issues, issueCount: s.issueCount, notes: s.notes, held }, texts, numbers: numbersIn(m.overview) };
		}
	};
}
