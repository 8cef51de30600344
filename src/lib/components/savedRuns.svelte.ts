/**
 * A tool's saved runs for a page: the reactive list the Recent panel shows, and the operations a
 * page calls (save when a run finishes, restore the last one, open, rename, delete with undo,
 * export, import). Every failure becomes `problem`, a message for the person; nothing here ever
 * clears what a page shows. One IndexedDB connection per page, opened on first use and never
 * before the page's first view has been painted, so the first view neither waits for it nor shares
 * a task with it.
 */
import { HistoryError, HistoryStore, type ImportReport, type NewRun, type RunSummary, type SavedRun } from '$lib/core/history';
import { formatCountPlain } from '$lib/core/numberText';
import { afterNextPaint } from './idle';

let shared: HistoryStore | null = null;
/** Set while another tab holds an older version of the database open. */
const database = $state({ blocked: false });

function sharedStore(): HistoryStore {
	shared ??= new HistoryStore({
		onBlocked: () => (database.blocked = true),
		onClosed: () => (database.blocked = false)
	});
	return shared;
}

let painted: Promise<void> | null = null;
/** Resolves once the page has painted after its first use of storage (at once outside a browser). */
function afterFirstPaint(): Promise<void> {
	painted ??= afterNextPaint();
	return painted;
}

let persistenceAsked = false;
/** Ask once that the browser keep this site's data under storage pressure (granted quietly or not at all). */
function askForPersistence(): void {
	if (persistenceAsked || typeof navigator === 'undefined') return;
	persistenceAsked = true;
	navigator.storage?.persist?.().catch(() => undefined);
}

const BLOCKED_MESSAGE = 'Saved runs are being updated: close other Storelens tabs or windows to finish.';

// Made when the first saved run is listed, not when a page loads (a page's first Intl object loads locale data: a long task).
let dateTime: Intl.DateTimeFormat | null = null;

/** "3 Mar 2026, 14:05" in the device's time zone. */
export function savedWhen(savedAt: number): string {
	dateTime ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
	return dateTime.format(savedAt);
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCountPlain(n)} ${n === 1 ? one : many}`;

/** One sentence on what an import did. */
export function importMessage(report: ImportReport): string {
	const parts: string[] = [];
	if (report.added.length) parts.push(`${plural(report.added.length, 'saved run')} added`);
	if (report.duplicates) parts.push(`${plural(report.duplicates, 'run')} already on this device, left as ${report.duplicates === 1 ? 'it was' : 'they were'}`);
	if (report.rejected.length)
		parts.push(`${plural(report.rejected.length, 'run')} could not be read (${report.rejected.slice(0, 3).map((r) => `run ${r.index}: ${r.reason}`).join('; ')}${report.rejected.length > 3 ? '; …' : ''})`);
	return parts.length ? `${parts.join('; ')}.` : 'The file holds no saved runs.';
}

export class SavedRuns {
	/** This tool's runs, newest first. */
	runs = $state.raw<RunSummary[]>([]);
	/** The list has been read at least once. */
	loaded = $state(false);
	/** The last failure, as a message (cleared by the next success). */
	problem = $state<string | null>(null);
	/** The last success worth saying ("Saved …", "2 runs added"). */
	notice = $state<string | null>(null);
	/** The run just deleted, until it is put back or another run is deleted. */
	removed = $state.raw<SavedRun | null>(null);

	readonly tool: string;
	readonly #store: () => HistoryStore;

	constructor(tool: string, store: () => HistoryStore = sharedStore) {
		this.tool = tool;
		this.#store = store;
	}

	/** Another tab blocks the database's upgrade: say so. */
	get blocked(): string | null {
		return database.blocked ? BLOCKED_MESSAGE : null;
	}

	async #try<T>(work: (store: HistoryStore) => Promise<T>): Promise<T | null> {
		try {
			await afterFirstPaint();
			const value = await work(this.#store());
			this.problem = null;
			return value;
		} catch (error) {
			this.problem = error instanceof HistoryError ? error.message : `Saved runs: ${error instanceof Error ? error.message : String(error)}`;
			this.notice = null;
			return null;
		}
	}

	/** Read the list again. */
	async refresh(): Promise<void> {
		const runs = await this.#try((s) => s.list(this.tool));
		if (runs) this.runs = runs;
		this.loaded = true;
	}

	/** Save a run of this tool (it becomes the last opened). Null, with `problem` set, when it could not be saved. */
	async save<P>(run: Omit<NewRun<P>, 'tool'>): Promise<RunSummary | null> {
		const saved = await this.#try((s) => s.save({ ...run, tool: this.tool }));
		if (saved) {
			askForPersistence();
			this.notice = `Saved “${saved.name}” on this device.`;
			this.runs = [saved, ...this.runs.filter((r) => r.id !== saved.id)];
		}
		return saved;
	}

	/** A run with its payload; it becomes the last opened. */
	async open<P = unknown>(id: string): Promise<SavedRun<P> | null> {
		const run = await this.#try((s) => s.open<P>(id, { remember: true }));
		if (run === undefined) {
			await this.refresh();
			this.problem = 'This run is no longer saved on this device (was it deleted in another tab?).';
			return null;
		}
		return run;
	}

	/** The run last saved or opened (of one kind, if given), or null. */
	async lastOpened<P = unknown>(kind?: string): Promise<SavedRun<P> | null> {
		return (await this.#try((s) => s.lastOpened<P>(this.tool, kind))) ?? null;
	}

	/** The person went back to the demo data: do not bring the last run back next time. */
	async forgetLastOpened(kind?: string): Promise<void> {
		await this.#try((s) => s.forgetLastOpened(this.tool, kind));
	}

	async rename(id: string, name: string): Promise<boolean> {
		const renamed = await this.#try((s) => s.rename(id, name));
		if (!renamed) return false;
		this.runs = this.runs.map((r) => (r.id === id ? renamed : r));
		this.notice = `Renamed to “${renamed.name}”.`;
		return true;
	}

	async remove(id: string): Promise<void> {
		const removed = await this.#try((s) => s.remove(id));
		if (removed === null) return;
		this.removed = removed ?? null;
		this.runs = this.runs.filter((r) => r.id !== id);
		this.notice = removed ? `Deleted “${removed.name}”.` : null;
	}

	/** Put back the run just deleted. */
	async undoRemove(): Promise<void> {
		const run = this.removed;
		if (!run) return;
		const restored = await this.#try((s) => s.restore(run));
		if (!restored) return;
		this.removed = null;
		this.notice = `“${run.name}” is back.`;
		await this.refresh();
	}

	/** Every tool's saved runs as a file to download, or null (with `problem`) when there is nothing or it failed. */
	async exportAll(): Promise<{ file: Blob; fileName: string; count: number } | null> {
		const exported = await this.#try((s) => s.exportAll());
		if (!exported) return null;
		if (exported.count === 0) {
			this.notice = 'Nothing to export yet: no runs are saved on this device.';
			return null;
		}
		this.notice = `Exported ${plural(exported.count, 'saved run')} to ${exported.fileName}.`;
		return exported;
	}

	async importFile(file: Blob): Promise<ImportReport | null> {
		const report = await this.#try((s) => s.importFile(file));
		if (!report) return null;
		this.notice = importMessage(report);
		await this.refresh();
		return report;
	}
}
