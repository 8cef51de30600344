/**
 * Where the real data sets live for tests that use them (never copied into the repository): the
 * folder named by STORELENS_DATA (as `npm run train` reads it), else ../shared/data beside the
 * repository. Tests that need a file skip, with a note, when it is absent. Node only (tests).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The absolute path of a data file (e.g. 'online-retail/online-retail.csv'), or null when it is not on this machine. */
export function realDataFile(relative: string): string | null {
	const folders = [process.env.STORELENS_DATA, fileURLToPath(new URL('../../../../shared/data', import.meta.url))];
	for (const folder of folders) {
		if (!folder) continue;
		const path = join(folder, relative);
		if (existsSync(path)) return path;
	}
	return null;
}
