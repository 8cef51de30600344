/** The `forest` section of `npm run bench`: the flat forest against ml-random-forest (../forest.ts). */
import { benchForest } from '../forest.ts';
import { atLeast, figuresOf, heading, times, type Figure } from '../report.ts';
import type { SectionContext, SectionData } from './context.ts';

const TARGET_FOREST_SPEEDUP = 4;
const TARGET_FOREST_RAW_RATIO = 20;
const TARGET_FOREST_GZIP_RATIO = 3;

export async function forestSection({ printFigures }: SectionContext): Promise<SectionData> {
	console.log(heading('Flat forest vs ml-random-forest (scripts/bench/forest.ts)'));
	const result = (await benchForest()) as unknown as Record<string, unknown>;
	const num = (key: string) => (typeof result[key] === 'number' ? (result[key] as number) : NaN);
	const figures: Figure[] = [];
	if ('speedup' in result) figures.push(atLeast('batch prediction speed-up (library time / flat time)', num('speedup'), TARGET_FOREST_SPEEDUP, times));
	if ('ratioRaw' in result) figures.push(atLeast('smaller raw: library JSON / flat binary', num('ratioRaw'), TARGET_FOREST_RAW_RATIO, times));
	if ('ratioRawBase64' in result) figures.push(atLeast('smaller raw: library JSON / flat base64 (as shipped)', num('ratioRawBase64'), TARGET_FOREST_RAW_RATIO, times));
	if ('ratioGzipBinary' in result) figures.push(atLeast('smaller gzip: library JSON / flat binary', num('ratioGzipBinary'), TARGET_FOREST_GZIP_RATIO, times));
	if ('ratioGzipBase64' in result) figures.push(atLeast('smaller gzip: library JSON / flat base64 (as shipped)', num('ratioGzipBase64'), TARGET_FOREST_GZIP_RATIO, times));
	printFigures('forest', [...figures, ...figuresOf(result)]);
	return result;
}
