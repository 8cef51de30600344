/** The `csv` section of `npm run bench`: CSV intake throughput (../csv.ts). */
import { benchCsv } from '../csv.ts';
import { figuresOf, heading } from '../report.ts';
import type { SectionContext, SectionData } from './context.ts';

export async function csvSection({ printFigures }: SectionContext): Promise<SectionData> {
	console.log(heading('CSV intake (scripts/bench/csv.ts)'));
	const result = (await benchCsv()) as unknown as Record<string, unknown>;
	printFigures('csv', figuresOf(result));
	return result;
}
