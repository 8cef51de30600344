// The group-buy page's file upload, for the hostile suite: a purchase log (member, date, item) read
// and recommended for exactly as its worker does it (src/lib/group-buy/fileJob.ts), with the shipped
// shopper model, and the sentences and numbers its page shows (the drop zone's summary, unknown
// items, every member's top 10 and their chances).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { heldBack } from '../../../src/lib/core/csv/acceptance';
import type { ShopperArtifact } from '../../../src/lib/group-buy/artifact';
import { groupFileJob } from '../../../src/lib/group-buy/fileJob';
import { sampleLogCsv, sampleMembers } from '../../../src/lib/group-buy/sample';
import { issueText, type ToolIntake } from '../intake';
import { readTable } from '../table';
import { numbersIn } from './numbers';

const artifact = JSON.parse(readFileSync(fileURLToPath(new URL('../../../model-artifacts/group-buy/shopper.json', import.meta.url)), 'utf8')) as ShopperArtifact;

export function groupBuyUploadIntake(): ToolIntake {
	return {
		name: 'Group-buy purchase log',
		// 30 seeded members' baskets in the Groceries layout (Member_number, Date as DD-MM-YYYY, itemDescription).
		table: () => readTable(sampleLogCsv(sampleMembers(artifact.basketCounts, 30, 2026), artifact.items)),
		// No number column: the files that damage one do not apply.
		columns: { date: 'Date', text: 'itemDescription', id: 'Member_number', required: 'Date' },
		formatDate: (iso) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`,
		async run(file, fileName) {
			const out = await groupFileJob(file, fileName, artifact);
			if (!out.ok) return { failure: { kind: 'not-csv', message: out.message }, result: null, texts: [out.message], numbers: [] };
			const r = out.result;
			const held = heldBack(r.usage, r.issues, r.notes, 'line');
			const texts = [
				`${r.goodLines} of ${r.linesRead} lines read, ${r.issueCount} with problems, ${r.members.length} members`,
				...r.unknownItems.map((u) => `“${u.name}”: ${u.count} times (rows ${u.rows.join(', ')})`),
				...r.issues.map(issueText),
				...r.notes.map((n) => n.text),
				...(held ? [held.title, held.message] : [])
			];
			return {
				failure: null,
				result: { usage: r.usage, issues: r.issues, issueCount: r.issueCount, notes: r.notes, held },
				texts,
				numbers: numbersIn(r.recommendations.map((m) => ({ baskets: m.baskets, chances: m.chances })))
			};
		}
	};
}
