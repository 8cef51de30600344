/** The site's build for the bench: the same staleness check and stamp as scripts/start.ts. */
import { build, buildReason } from '../start.ts';

/** Build the site when build/ is missing or older than its sources (unless `noBuild`); says what was done. */
export function ensureBuild(base: string, noBuild: boolean): string {
	const reason = buildReason(base, false);
	if (!reason) return 'build/ is up to date';
	if (noBuild) return `build/ may be stale (${reason}); used as is (--no-build)`;
	console.log(`Building the site (${reason})...`);
	const started = performance.now();
	build(base, true);
	return `built (${reason}) in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}
