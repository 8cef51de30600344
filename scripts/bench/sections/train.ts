/** The `train` section of `npm run bench`: `npx tsx scripts/train.ts --only gmv --out <tmp dir>` wall time. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../options.ts';
import { heading, info } from '../report.ts';
import { runNpx } from '../run-command.ts';
import type { SectionContext, SectionData } from './context.ts';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

export async function trainSection({ printFigures }: SectionContext): Promise<SectionData> {
	console.log(heading('Training: npx tsx scripts/train.ts --only gmv --out <tmp dir>'));
	const outDir = mkdtempSync(join(tmpdir(), 'storelens-train-'));
	try {
		const result = await runNpx(['tsx', 'scripts/train.ts', '--only', 'gmv', '--out', outDir]);
		if (result.code !== 0) throw new Error(`training failed (exit ${result.code}):\n${result.output.slice(-2000)}`);
		const own = /training took ([\d.]+) s/.exec(result.output);
		const shipped = join(projectRoot, 'model-artifacts', 'gmv');
		const written = readdirSync(join(outDir, 'gmv')).sort();
		const same = written.filter((f) => {
			try {
				return sha256(join(outDir, 'gmv', f)) === sha256(join(shipped, f));
			} catch {
				return false;
			}
		});
		printFigures('train', [
			info('wall time (incl. npx/tsx start-up)', `${(result.ms / 1000).toFixed(1)} s`),
			info("the script's own 'training took'", own ? `${own[1]} s` : 'not printed'),
			info('files written', written.join(', ')),
			info('identical to model-artifacts/gmv', `${same.length} of ${written.length}${same.length < written.length ? ` (differ: ${written.filter((f) => !same.includes(f)).join(', ')})` : ''}`)
		]);
		return { wallMs: result.ms, reportedSeconds: own ? Number(own[1]) : null, files: written, identicalToShipped: same };
	} finally {
		rmSync(outDir, { recursive: true, force: true });
	}
}
