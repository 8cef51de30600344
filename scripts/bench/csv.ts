/**
 * CSV intake throughput: parse + validate 100,000 generated rows x 20 columns with `parseCsvText`,
 * and time the row validator on its own. Run: `npx tsx scripts/bench/csv.ts`.
 */
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { parseCsvText } from '../../src/lib/core/csv/intake';
import { makeRowValidator } from '../../src/lib/core/csv/validate';
import { seededRandom } from '../../src/lib/core/random';
import type { ColumnSpec, TableSchema } from '../../src/lib/core/schema';

const SUB_CATEGORIES = [
	'Camera',
	'Camera Accessory',
	'Gaming Accessory',
	'Gaming Console',
	'Home Audio',
	'Audio Accessory',
	'Speaker',
	'Laptop',
	'Mobile',
	'Tablet',
	'TV',
	'Wearable',
	'Storage',
	'Printer'
];

/** 20 columns: the mix a tool schema has (numbers with bounds, integers, a category, a flag, a date, text). */
export const benchSchema: TableSchema = {
	id: 'bench',
	rowNoun: 'bench rows',
	columns: [
		{ key: 'week', label: 'Week', type: 'integer', required: true, min: 1, max: 53 },
		{ key: 'sub_category', label: 'Sub-category', type: 'category', categories: SUB_CATEGORIES, required: true },
		{ key: 'on_promotion', label: 'On promotion', type: 'boolean', required: true },
		{ key: 'week_start', label: 'Week start', type: 'date', required: false },
		{ key: 'note', label: 'Note', type: 'text', required: false },
		{ key: 'units', label: 'Units', type: 'integer', required: true, min: 0 },
		{ key: 'orders', label: 'Orders', type: 'integer', required: true, min: 0 },
		...Array.from(
			{ length: 13 },
			(_, i): ColumnSpec => ({
				key: `metric_${i + 1}`,
				label: `Metric ${i + 1}`,
				type: 'number',
				unit: i % 2 ? '₹' : '%',
				required: i < 10,
				min: -1e6,
				max: 1e9
			})
		)
	]
};

/** A CSV of `rows` rows with the bench schema; about 1 cell in 2,000 is bad and some optional cells are empty. */
export function benchText(rows: number, seed = 42): string {
	const random = seededRandom(seed);
	const keys = benchSchema.columns.map((c) => c.key);
	const lines: string[] = [keys.join(',')];
	for (let r = 0; r < rows; r++) {
		const cells: string[] = [
			String(1 + Math.floor(random() * 53)),
			SUB_CATEGORIES[Math.floor(random() * SUB_CATEGORIES.length)].toLowerCase(),
			random() < 0.3 ? 'yes' : 'no',
			`2016-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
			random() < 0.9 ? '' : `note ${r}`,
			String(Math.floor(random() * 5000)),
			String(Math.floor(random() * 900))
		];
		for (let m = 0; m < 13; m++) {
			const x = random();
			cells.push(m >= 10 && x < 0.2 ? '' : x < 0.0005 ? 'n/a' : (x * 100000 - 5000).toFixed(m % 3 === 0 ? 0 : 2));
		}
		lines.push(cells.join(','));
	}
	return lines.join('\r\n') + '\r\n';
}

/** A type alias (not an interface) so it also reads as a `Record<string, unknown>`. */
export type CsvBenchResult = {
	rows: number;
	columns: number;
	megabytes: number;
	/** Best of the runs, parse + validate via parseCsvText (wall clock). */
	intakeMs: number;
	intakeRowsPerSecond: number;
	/** Process CPU time of that best run (includes GC helper threads); steadier on a busy machine. */
	intakeCpuMs: number;
	/** Best of the runs, papaparse alone turning the text into string arrays (the floor for intake). */
	papaparseMs: number;
	/** Best of the runs, the row validator alone on pre-split fields. */
	validateMs: number;
	validateRowsPerSecond: number;
	validateCpuMs: number;
	goodRows: number;
	issueCount: number;
};

/** Process CPU milliseconds so far. */
function cpuMs(): number {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1000;
}

export async function benchCsv(rows = 100_000, runs = 5): Promise<CsvBenchResult> {
	const text = benchText(rows);
	let intakeMs = Infinity;
	let intakeCpuMs = Infinity;
	let goodRows = 0;
	let issueCount = 0;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const cpuStart = cpuMs();
		const result = parseCsvText(text, benchSchema);
		intakeMs = Math.min(intakeMs, performance.now() - start);
		intakeCpuMs = Math.min(intakeCpuMs, cpuMs() - cpuStart);
		if (!result.ok) throw new Error(result.failure.message);
		goodRows = result.rows.length;
		issueCount = result.issueCount;
	}

	let papaparseMs = Infinity;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' });
		papaparseMs = Math.min(papaparseMs, performance.now() - start);
		if (parsed.data.length < rows) throw new Error('papaparse lost rows');
	}

	const lines = text.split('\r\n');
	const header = lines[0].split(',');
	const fields = lines.slice(1, -1).map((line) => line.split(','));
	const validate = makeRowValidator(benchSchema, header);
	let validateMs = Infinity;
	let validateCpuMs = Infinity;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const cpuStart = cpuMs();
		const kept = [];
		for (let r = 0; r < fields.length; r++) {
			const check = validate(fields[r], r + 2);
			if (check.row) kept.push(check.row);
		}
		const good = kept.length;
		validateMs = Math.min(validateMs, performance.now() - start);
		validateCpuMs = Math.min(validateCpuMs, cpuMs() - cpuStart);
		if (good !== goodRows) throw new Error(`validator alone kept ${good} rows, intake ${goodRows}`);
	}

	return {
		rows,
		columns: benchSchema.columns.length,
		megabytes: Math.round((new TextEncoder().encode(text).length / 1024 / 1024) * 10) / 10,
		intakeMs: Math.round(intakeMs),
		intakeRowsPerSecond: Math.round(rows / (intakeMs / 1000)),
		intakeCpuMs: Math.round(intakeCpuMs),
		papaparseMs: Math.round(papaparseMs),
		validateMs: Math.round(validateMs),
		validateRowsPerSecond: Math.round(rows / (validateMs / 1000)),
		validateCpuMs: Math.round(validateCpuMs),
		goodRows,
		issueCount
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const r = await benchCsv();
	console.log(
		`CSV intake, ${r.rows.toLocaleString('en')} rows x ${r.columns} columns (${r.megabytes} MB): ` +
			`parse+validate ${r.intakeMs} ms (${r.intakeCpuMs} ms CPU) = ${r.intakeRowsPerSecond.toLocaleString('en')} rows/s; ` +
			`papaparse alone ${r.papaparseMs} ms; ` +
			`validate only ${r.validateMs} ms (${r.validateCpuMs} ms CPU) = ${r.validateRowsPerSecond.toLocaleString('en')} rows/s; ` +
			`${r.goodRows.toLocaleString('en')} good rows, ${r.issueCount} issues`
	);
}
