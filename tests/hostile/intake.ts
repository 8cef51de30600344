// What the hostile suite needs of a tool's file intake (ToolIntake), and the generic adapter for a
// tool that reads rows of a schema through the shared CSV job. The list of tools is registry.ts.
import { heldBack, type HeldBack } from '../../src/lib/core/csv/acceptance';
import type { CsvJobFailure, CsvJobMessage, FileNote, FileUsage, PackedScoredRows } from '../../src/lib/core/csv/types';
import { unpackRows } from '../../src/lib/core/table/packedRows';
import { runCsvJobInWorker, type CsvJobService } from '../../src/lib/core/csv/workerHost';
import type { RowIssue, TableSchema } from '../../src/lib/core/schema';
import { schemaTable, type Table } from './table';

/** What a tool's intake made of a file, and everything its page would show about it. */
export interface IntakeOutcome {
	failure: CsvJobFailure | null;
	/** Present when the file gave a result. */
	result: {
		usage: FileUsage;
		issues: RowIssue[];
		issueCount: number;
		notes: FileNote[];
		/** Why the drop zone would hold the result back (null: it is shown). */
		held: HeldBack | null;
	} | null;
	/** Every sentence the page would show: messages, problems, notes, summaries. */
	texts: string[];
	/** Every number the page would show or chart. */
	numbers: number[];
}

export interface ToolIntake {
	name: string;
	/** A good file in the tool's layout; the corpus damages copies of it. */
	table(): Table;
	/**
	 * Header texts (as in the table) of the columns the corpus damages, by role. A role the tool's
	 * layout lacks is left out, and so are the files that damage it: a purchase log (member, date,
	 * item) has no number column, so no file puts 1e300 or "1,234,567" in one.
	 */
	columns: { number?: string; secondNumber?: string; date?: string; month?: string; text: string; id?: string; required: string };
	/** A date and time (YYYY-MM-DD HH:MM:SS) as the tool's files write dates (default: as it is). */
	formatDate?: (isoDateTime: string) => string;
	/** Read a file through the tool's whole intake, as its page does. */
	run(file: Blob, fileName: string): Promise<IntakeOutcome>;
}

/** "Row 3, column Price: reason" as the drop zone lists a problem. */
export function issueText(issue: RowIssue): string {
	return issue.column ? `Row ${issue.row}, column ${issue.column}: ${issue.reason}` : `Row ${issue.row}: ${issue.reason}`;
}

function columnsOf(schema: TableSchema, header: string[]): ToolIntake['columns'] {
	const inTable = schema.columns.filter((c) => header.includes(c.key));
	const numbers = inTable.filter((c) => c.type === 'number' || c.type === 'integer');
	const pick = (c: (typeof inTable)[number] | undefined) => c?.key;
	return {
		number: pick(numbers.find((c) => c.required) ?? numbers[0]) ?? header[0],
		secondNumber: pick(numbers.filter((c) => c.required)[1]),
		date: pick(inTable.find((c) => c.type === 'date')),
		text: pick(inTable.find((c) => c.type === 'text') ?? inTable.find((c) => c.type === 'category')) ?? header[0],
		id: pick(inTable.find((c) => c.type === 'text' && /id|number|no$/i.test(c.key))),
		required: pick(inTable.find((c) => c.required)) ?? header[0]
	};
}

/**
 * The intake of a tool that reads rows of a schema through the shared CSV job: the file is parsed,
 * validated, screened and scored exactly as its worker does it (`runCsvJobInWorker`).
 */
export function csvJobIntake<Ctx>(
	name: string,
	service: CsvJobService<Ctx>,
	options: { table?: () => Table; columns?: Partial<ToolIntake['columns']>; summaryText?: (summary: Record<string, unknown>) => string; cellText?: (key: string, value: number) => string } = {}
): ToolIntake {
	const table = options.table ?? (() => schemaTable(service.schema));
	return {
		name,
		table,
		columns: { ...columnsOf(service.schema, table().header), ...options.columns },
		async run(file, fileName) {
			const message = (await runCsvJobInWorker(service, { type: 'start', file, fileName, artifactUrls: {} }, (urls) => service.prepare({ artifactUrls: urls }), () => {})) as CsvJobMessage;
			if (message.type === 'failed') return { failure: message.failure, result: null, texts: [message.failure.message, ...(message.failure.issues ?? []).map(issueText)], numbers: [] };
			if (message.type !== 'done') throw new Error(`unexpected message ${message.type}`);
			const r = message.result;
			const held = heldBack(r.usage, r.issues, r.notes);
			const scored: PackedScoredRows = r.scored;
			const rows = unpackRows(scored.rows);
			const numbers = rows.flatMap((row) => Object.values(row).filter((v): v is number => typeof v === 'number'));
			const texts = [
				`${r.goodRows} rows scored, ${r.totalRows - r.goodRows} rows with problems`,
				...r.issues.map(issueText),
				...r.notes.map((n) => n.text),
				...(held ? [held.title, held.message] : []),
				...(scored.summary && options.summaryText ? [options.summaryText(scored.summary)] : []),
				...(options.cellText ? rows.flatMap((row) => Object.entries(row).flatMap(([k, v]) => (typeof v === 'number' ? [options.cellText!(k, v)] : []))) : [])
			];
			return { failure: null, result: { usage: r.usage, issues: r.issues, issueCount: r.issueCount, notes: r.notes, held }, texts, numbers };
		}
	};
}

