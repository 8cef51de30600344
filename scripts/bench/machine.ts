/** The machine the bench ran on, printed first and kept in bench.json: other work on it skews timings. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { table } from './report.ts';

export type Machine = ReturnType<typeof machine>;

export function machine(browserVersion: string | null) {
	const cpuinfo = (() => {
		try {
			return readFileSync('/proc/cpuinfo', 'utf8');
		} catch {
			return '';
		}
	})();
	const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
	const mhz = /^cpu MHz\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim();
	return {
		cpu: model,
		cpuMhz: mhz ? Number(mhz) : null,
		cores: cpus().length,
		memoryGB: Math.round(totalmem() / 1024 ** 3),
		node: process.version,
		chromium: browserVersion,
		platform: `${process.platform} ${process.arch}`,
		/** 1-minute load average when the bench started: other work on the machine skews timings. */
		loadAverage: Math.round(loadavg()[0] * 100) / 100
	};
}

/** The Machine table: the machine, what was done about the build, and the runs per timing. */
export function machineTable(m: Machine, build: string, runs: number): string {
	return table(
		['what', 'value'],
		[
			['CPU', `${m.cpu}${m.cpuMhz ? ` @ ${m.cpuMhz} MHz` : ''}`],
			['cores', String(m.cores)],
			['memory', `${m.memoryGB} GB`],
			['Node', m.node],
			['Chromium', m.chromium ?? '(not started)'],
			['platform', m.platform],
			['load average (1 min)', `${m.loadAverage} (other work on the machine slows the timings)`],
			['build', build],
			['runs per timing', String(runs)]
		]
	);
}
