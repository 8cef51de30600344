/** A command run from the project's root for the bench, its output collected and its wall time measured. */
import { spawn } from 'node:child_process';
import { projectRoot } from './options.ts';

export interface CommandRun {
	code: number | null;
	/** Standard output and standard error, interleaved as they came. */
	output: string;
	ms: number;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** `npx <argv>` from the project's root. */
export function runNpx(argv: string[]): Promise<CommandRun> {
	return new Promise((done, fail) => {
		const started = performance.now();
		const child = spawn(npx, argv, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr.on('data', (d: Buffer) => (output += d.toString()));
		child.on('error', fail);
		child.on('close', (code) => done({ code, output, ms: performance.now() - started }));
	});
}
