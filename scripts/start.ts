// npm start: builds the site when the build is missing or stale, then serves build/ locally.
//   npx tsx scripts/start.ts [--build] [--port 4173] [--strict-port]
// Env: PORT (first port to try, default 4173), BASE_PATH (e.g. /storelens), HOST (default 127.0.0.1).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { normaliseBase, startServer } from './lib/server.ts';

export { startServer, type RunningServer, type ServerOptions } from './lib/server.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(projectRoot, 'build');
/** Inputs of the build: when any is newer than build/index.html, the build is stale. */
const buildInputs = ['src', 'static', 'model-artifacts', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
/** Remembers the base path of the last build (it is not visible in the output with relative paths). */
const buildStampFile = join(projectRoot, 'node_modules', '.cache', 'storelens', 'build-stamp.json');

function newestChange(path: string): number {
	const stats = statSync(path, { throwIfNoEntry: false });
	if (!stats) return 0;
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs; // catches deleted files
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
	return newest;
}

/** Why the site must be (re)built, or undefined when build/ is up to date. */
export function buildReason(base: string, force: boolean): string | undefined {
	if (force) return '--build given';
	const index = statSync(join(buildDir, 'index.html'), { throwIfNoEntry: false });
	if (!index) return 'build/index.html is missing';
	let stamp: { base?: string } = {};
	try {
		stamp = JSON.parse(readFileSync(buildStampFile, 'utf8')) as { base?: string };
	} catch {
		return 'no record of how build/ was made';
	}
	if (stamp.base !== base) return `build/ was made for BASE_PATH '${stamp.base ?? ''}', not '${base}'`;
	for (const input of buildInputs) {
		if (newestChange(join(projectRoot, input)) > index.mtimeMs) return `${input} changed since the last build`;
	}
	return undefined;
}

/** `npm run build` for a base path, then record the base path the build was made for. */
export function build(base: string, quiet = false): void {
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['run', 'build'], {
		cwd: projectRoot,
		stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
		env: { ...process.env, BASE_PATH: base }
	});
	if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
	mkdirSync(dirname(buildStampFile), { recursive: true });
	writeFileSync(buildStampFile, JSON.stringify({ base, builtAt: new Date().toISOString() }) + '\n');
}

function parseArgs(argv: string[]): { forceBuild: boolean; port?: number; strictPort: boolean } {
	const options: { forceBuild: boolean; port?: number; strictPort: boolean } = { forceBuild: false, strictPort: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--build') options.forceBuild = true;
		else if (arg === '--strict-port') options.strictPort = true;
		else if (arg === '--port') options.port = Number(argv[++i]);
		else if (arg.startsWith('--port=')) options.port = Number(arg.slice('--port='.length));
		else throw new Error(`Unknown argument: ${arg} (expected --build, --port N, --strict-port)`);
	}
	return options;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const base = normaliseBase(process.env.BASE_PATH);
	const reason = buildReason(base, args.forceBuild);
	if (reason) {
		console.log(`Building the site (${reason})...`);
		build(base);
	} else {
		console.log('build/ is up to date.');
	}
	const server = await startServer({ root: buildDir, base, port: args.port, strictPort: args.strictPort });
	console.log(`Storelens is served at ${server.url}  (Ctrl+C to stop)`);
	const stop = () => {
		void server.close().finally(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
