import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../core/csv/intake';
import { originalLayoutCsv, richLayoutCsv, withDefects } from './csv';
import { generateNetwork } from './generator';
import { dealerRowsToTable } from './rows';
import { dealerMonthSchema } from './schema';
import { RICH_FIELDS, type DealerMonths } from './table';

const net = generateNetwork(3, 40);

function read(text: string) {
	const parsed = parseCsvText(text, dealerMonthSchema);
	if (!parsed.ok) throw new Error(parsed.failure.message);
	return { parsed, ...dealerRowsToTable(parsed.rows, parsed.rowNumbers) };
}

function sameFunnel(a: DealerMonths, b: DealerMonths) {
	expect(Array.from(a.bac)).toEqual(Array.from(b.bac));
	expect(Array.from(a.month)).toEqual(Array.from(b.month));
	expect(a.regionNames[a.region[7]]).toBe(b.regionNames[b.region[7]]);
	for (const f of ['vdpViews', 'visitors', 'leads', 'conversions', 'sales'] as const) expect(Array.from(a.funnel[f])).toEqual(Array.from(b.funnel[f]));
}

describe('reading the original layout', () => {
	it('reads the unnamed index column, Jan..Dec months and every count', () => {
		const text = originalLayoutCsv(net.months);
		expect(text.split('\n')[0]).toBe(',BAC,Region,Month,VDPViews,Visitors,LeadVolume,VisitorConversions,Sales');
		expect(text.split('\n')[1]).toMatch(/^0,11111,Northeast,Jan,\d+,/);
		const { parsed, table, issues } = read(text);
		expect(parsed.ignoredColumns).toEqual([]);
		expect(issues).toEqual([]);
		expect(table.rich).toBeNull();
		sameFunnel(table, net.months);
	});

	it('reports negative counts and funnel-order violations by row and keeps those rows out', () => {
		const { table: bad, defects } = withDefects(net.months, 6, 4, 9);
		const { parsed, table, issues, rowNumbers } = read(originalLayoutCsv(bad));
		const negativeRows = defects.negative.map((d) => d.row + 2).sort((a, b) => a - b);
		expect(parsed.issues.map((i) => i.row)).toEqual(negativeRows);
		for (const issue of parsed.issues) expect(issue.reason).toMatch(/below the minimum of 0/);
		expect(issues.map((i) => i.row)).toEqual(defects.funnel.map((r) => r + 2).sort((a, b) => a - b));
		for (const issue of issues) {
			expect(issue.column).toBe('Visitors');
			expect(issue.reason).toMatch(/more than the .* VDP views: the funnel must narrow/);
		}
		expect(table.n).toBe(net.months.n - 10);
		const kept = new Set(rowNumbers);
		for (const r of [...negativeRows, ...issues.map((i) => i.row)]) expect(kept.has(r)).toBe(false);
	});
});

describe('reading the richer layout', () => {
	it('reads back exactly what the generator wrote', () => {
		const { table, issues } = read(richLayoutCsv(net.months));
		expect(issues).toEqual([]);
		sameFunnel(table, net.months);
		for (const f of RICH_FIELDS) expect(Array.from(table.rich![f])).toEqual(Array.from(net.months.rich![f]));
		expect(table.vendorNames[table.vendor[0]]).toBe(net.months.vendorNames[net.months.vendor[0]]);
	});

	it('keeps out rows whose parts do not add up, duplicate months and a second region', () => {
		const lines = richLayoutCsv(generateNetwork(3, 2).months).trimEnd().split('\n');
		const header = lines[0].split(',');
		const col = (name: string) => header.indexOf(name);
		const edit = (line: string, name: string, value: string) => {
			const cells = line.split(',');
			cells[col(name)] = value;
			return cells.join(',');
		};
		lines[2] = edit(lines[2], 'LeadVolume', String(Number(lines[2].split(',')[col('LeadVolume')]) + 3));
		lines[3] = edit(lines[3], 'Sales', '0');
		lines.push(lines[5]);
		lines.push(edit(lines[6], 'Region', 'West').replace(',Jun,', ',Jun,'));
		const { issues, table } = read(lines.join('\n'));
		expect(issues.map((i) => [i.row, i.column])).toEqual([
			[3, 'Lead volume'],
			[4, 'Sales'],
			[lines.length - 1, 'Month'],
			[lines.length, 'Region']
		]);
		expect(issues[2].reason).toMatch(/already has a May row \(row 6\)/);
		expect(table.n).toBe(24 - 2);
	});
});
