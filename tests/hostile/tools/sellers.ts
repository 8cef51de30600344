// The seller finder's activity upload, for the hostile suite: the reader, the features and the
// ranking exactly as its worker runs them (src/lib/sellers/upload.ts), with the shipped models, and
// the sentences and numbers its page shows (the drop zone's summary, the ranked list, the levels).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { heldBack } from '../../../src/lib/core/csv/acceptance';
import { DEMO_MARKET, demoLog } from '../../../src/lib/sellers/demo';
import type { SellersJobModel } from '../../../src/lib/sellers/job';
import type { SellersModelArtifact } from '../../../src/lib/sellers/model';
import { rankCandidates, selectedCategories } from '../../../src/lib/sellers/ranking';
import { activityCsv } from '../../../src/lib/sellers/sample';
import { analyseFile } from '../../../src/lib/sellers/upload';
import { issueText, type ToolIntake } from '../intake';
import { readTable } from '../table';

const artifact = JSON.parse(readFileSync(fileURLToPath(new URL('../../../model-artifacts/sellers/model.json', import.meta.url)), 'utf8')) as SellersModelArtifact;
const model: SellersJobModel = {
	main: { features: artifact.features, forest: artifact.forest, calibration: artifact.calibration },
	perUser: { features: artifact.perUser.features, forest: artifact.perUser.forest, calibration: artifact.perUser.calibration },
	inputRanges: artifact.inputRanges
};

export function sellersUploadIntake(): ToolIntake {
	return {
		name: 'Seller finder upload',
		// A small seeded marketplace over 8 months, in the canonical layout.
		table: () => readTable(activityCsv(demoLog({ ...DEMO_MARKET, months: 8, firstMonthJoins: 12, seed: 7 }).log, { dates: 'date' })),
		columns: { number: 'amount', date: 'timestamp', text: 'category', id: 'user_id', required: 'event' },
		async run(file, fileName) {
			const out = await analyseFile(file, fileName, model);
			if (out.type === 'failed') return { failure: out.failure, result: null, texts: [out.failure.message, ...(out.failure.issues ?? []).map(issueText)], numbers: [] };
			const r = out.result;
			const held = heldBack(r.usage, r.issues, r.notes);
			const a = r.analysis;
			const list = rankCandidates(a, selectedCategories({ kind: 'lowest' }, a), 100);
			const texts = [
				`${r.report.rows} rows read, ${r.report.usedRows} used, ${a.candidates.ids.length} users ranked`,
				...r.report.unknownEvents.map((e) => `unknown event “${e.name}” ×${e.count}`),
				...r.issues.map(issueText),
				...r.notes.map((n) => n.text),
				...(held ? [held.title, held.message] : [])
			];
			const numbers = [
				list.expected.expected,
				list.expected.low,
				list.expected.high,
				...list.rows.flatMap((row) => [row.probability, row.score, row.share, ...row.drivers.map((d) => d.effect)]),
				...a.levels.flatMap((l) => [l.listings, l.wishlistAdds, ...(l.level === null ? [] : [l.level])]),
				...a.activity.flatMap((m) => [m.orders, m.collectionAdds, m.wishlistAdds, m.activeUsers, m.activeSellers, m.newSellers])
			];
			return { failure: null, result: { usage: r.usage, issues: r.issues, issueCount: r.issueCount, notes: r.notes, held }, texts, numbers };
		}
	};
}
