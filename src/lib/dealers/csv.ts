/**
 * Dealer-months as CSV text in either layout: the original project's (an unnamed index column
 * first, months as Jan..Dec) and the generator's richer one. `withDefects` plants what the
 * original mock file had (a few negative counts) and funnel-order violations, at seeded rows, so
 * samples and tests carry the problems the intake must report. Pure TS, no DOM.
 */
import { csvCell } from '../core/csv/export';
import { seededRandom } from '../core/random';
import { COUNT_COLUMNS, ORIGINAL_HEADER, RICH_HEADER } from './schema';
import { countColumn, MONTHS, UNKNOWN, type DealerMonths } from './table';

const FIELD_OF = new Map(COUNT_COLUMNS.map((c) => [c.key, c.field]));

function cell(t: DealerMonths, key: string, i: number): string {
	switch (key) {
		case 'BAC':
			return String(t.bac[i]);
		case 'Region':
			return csvCell(t.regionNames[t.region[i]]);
		case 'Month':
			return MONTHS[t.month[i]];
		case 'Vendor':
			return t.vendor[i] === UNKNOWN ? '' : csvCell(t.vendorNames[t.vendor[i]]);
		default: {
			const field = FIELD_OF.get(key);
			const column = field ? countColumn(t, field) : null;
			return column && Number.isFinite(column[i]) ? String(column[i]) : '';
		}
	}
}

/** The original project's layout: `,BAC,Region,Month,VDPViews,Visitors,LeadVolume,VisitorConversions,Sales`. */
export function originalLayoutCsv(t: DealerMonths): string {
	const lines = [ORIGINAL_HEADER.join(',')];
	for (let i = 0; i < t.n; i++) lines.push(String(i) + ',' + ORIGINAL_HEADER.slice(1).map((k) => cell(t, k, i)).join(','));
	return lines.join('\n') + '\n';
}

/** The generator's richer layout (every column the tool reads). */
export function richLayoutCsv(t: DealerMonths): string {
	const lines = [RICH_HEADER.join(',')];
	for (let i = 0; i < t.n; i++) lines.push(RICH_HEADER.map((k) => cell(t, k, i)).join(','));
	return lines.join('\n') + '\n';
}

export interface PlantedDefects {
	/** 0-based table rows given a negative count, and which column. */
	negative: { row: number; field: 'vdpViews' | 'visitors' | 'leads' | 'sales' }[];
	/** 0-based table rows whose visitors now exceed their VDP views. */
	funnel: number[];
}

/**
 * A copy of the table with `negatives` rows given one negative count and `funnelViolations` rows
 * given more visitors than VDP views, at distinct seeded rows. In a CSV, table row i is file row i + 2.
 */
export function withDefects(t: DealerMonths, negatives: number, funnelViolations: number, seed = 1): { table: DealerMonths; defects: PlantedDefects } {
	const random = seededRandom(seed);
	const copy: DealerMonths = {
		...t,
		funnel: Object.fromEntries(Object.entries(t.funnel).map(([k, v]) => [k, v.slice()])) as DealerMonths['funnel']
	};
	const used = new Set<number>();
	const pick = () => {
		for (;;) {
			const r = Math.floor(random() * t.n);
			if (!used.has(r)) {
				used.add(r);
				return r;
			}
		}
	};
	const fields = ['vdpViews', 'visitors', 'leads', 'sales'] as const;
	const defects: PlantedDefects = { negative: [], funnel: [] };
	for (let k = 0; k < Math.min(negatives, t.n); k++) {
		const row = pick();
		const field = fields[k % fields.length];
		copy.funnel[field][row] = -Math.max(1, copy.funnel[field][row]);
		defects.negative.push({ row, field });
	}
	for (let k = 0; k < Math.min(funnelViolations, t.n - used.size); k++) {
		const row = pick();
		copy.funnel.visitors[row] = copy.funnel.vdpViews[row] + 1 + Math.floor(random() * 50);
		defects.funnel.push(row);
	}
	return { table: copy, defects };
}
