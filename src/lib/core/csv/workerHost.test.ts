import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../schema';
import type { CsvJobMessage, CsvJobRequest, ScoredRows } from './types';
import { serveCsvJobs, type CsvJobScope } from './workerHost';
import { unpackRows } from '../table/packedRows';

const schema: TableSchema = {
	id: 'test',
	rowNoun: 'test rows',
	columns: [
		{ key: 'week', label: 'Week', type: 'integer', required: true, min: 1, max: 53 },
		{ key: 'price', label: 'Price', type: 'number', required: true, min: 0 }
	]
};

function fileOf(rows: number, badEvery = 0): Blob {
	const lines = ['week,price'];
	for (let i = 0; i < rows; i++) lines.push(`${1 + (i % 53)},${badEvery && i % badEvery === 0 ? 'x' : i}`);
	return new Blob([lines.join('\n')]);
}

/** A fake worker scope: sends a request and collects messages until done/failed. */
function harness(options: { chunkRows?: number; failPrepare?: boolean; summarize?: boolean } = {}) {
	const messages: CsvJobMessage[] = [];
	let waiting: ((m: CsvJobMessage) => void) | null = null;
	const scope: CsvJobScope = {
		onmessage: null,
		postMessage(message) {
			messages.push(message);
			if (message.type !== 'progress') waiting?.(message);
		}
	};
	let prepares = 0;
	const scorerCalls: number[] = [];
	serveCsvJobs(
		{
			schema,
			prepare: async ({ artifactUrls }) => {
				prepares++;
				if (options.failPrepare) throw new Error('model missing');
				return { factor: Number(artifactUrls.factor ?? 2) };
			},
			score: (rows, ctx): ScoredRows => {
				scorerCalls.push(rows.length);
				return {
					columns: [
						{ key: 'week', label: 'Week', kind: 'number' },
						{ key: 'doubled', label: 'Doubled', kind: 'number' }
					],
					rows: rows.map((r) => ({ week: r.week as number, doubled: (r.price as number) * ctx.factor })),
					summary: { chunk: rows.length }
				};
			},
			summarize: options.summarize ? (output) => ({ rows: output.count, total: unpackRows(output).reduce((s, r) => s + (r.doubled as number), 0) }) : undefined,
			chunkRows: options.chunkRows
		},
		scope
	);
	const run = (file: Blob, artifactUrls: Record<string, string> = {}) =>
		new Promise<CsvJobMessage>((resolve) => {
			waiting = resolve;
			const request: CsvJobRequest = { type: 'start', file, fileName: 'rows.csv', artifactUrls };
			scope.onmessage?.({ data: request } as MessageEvent<CsvJobRequest>);
		});
	return { run, messages, scorerCalls, prepares: () => prepares };
}

describe('serveCsvJobs', () => {
	it('parses, scores in chunks, reports progress and returns the result', async () => {
		const h = harness({ chunkRows: 400 });
		const final = await h.run(fileOf(1000, 100));
		if (final.type !== 'done') throw new Error(JSON.stringify(final));
		const { result } = final;
		expect(result.fileName).toBe('rows.csv');
		expect(result.totalRows).toBe(1000);
		expect(result.goodRows).toBe(990);
		expect(result.issueCount).toBe(10);
		expect(result.scored.rows.count).toBe(990);
		expect(unpackRows(result.scored.rows)[0]).toEqual({ week: 2, doubled: 2 });
		expect(result.rowNumbers?.[0]).toBe(3);
		expect(h.scorerCalls).toEqual([400, 400, 190]);
		// Several chunks and no summarize: a partial per-chunk summary is not passed on.
		expect(result.scored.summary).toBeUndefined();
		const progress = h.messages.flatMap((m) => (m.type === 'progress' ? [m.progress] : []));
		expect(progress.some((p) => p.stage === 'scoring')).toBe(true);
		expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b));
		expect(result.timings.parseMs).toBeGreaterThanOrEqual(0);
	});

	it('uses summarize over all rows, and the scorer summary when there is one chunk', async () => {
		const withSummary = await harness({ chunkRows: 10, summarize: true }).run(fileOf(25));
		expect(withSummary.type === 'done' && withSummary.result.scored.summary).toEqual({ rows: 25, total: 600 });
		const oneChunk = await harness().run(fileOf(25));
		expect(oneChunk.type === 'done' && oneChunk.result.scored.summary).toEqual({ chunk: 25 });
	});

	it('caches the prepared context while the artifact URLs stay the same', async () => {
		const h = harness();
		await h.run(fileOf(3), { factor: '3' });
		const second = await h.run(fileOf(3), { factor: '3' });
		expect(h.prepares()).toBe(1);
		expect(second.type === 'done' && unpackRows(second.result.scored.rows)[0].doubled).toBe(0);
		const third = await h.run(fileOf(3), { factor: '10' });
		expect(h.prepares()).toBe(2);
		expect(third.type === 'done' && unpackRows(third.result.scored.rows)[1].doubled).toBe(10);
	});

	it('hands the result\'s typed arrays over (transferred, not copied)', async () => {
		const transfers: Transferable[][] = [];
		const final = await new Promise<CsvJobMessage>((resolve) => {
			const scope: CsvJobScope = {
				onmessage: null,
				postMessage: (message, transfer) => {
					if (message.type !== 'progress') {
						transfers.push(transfer ?? []);
						resolve(message);
					}
				}
			};
			serveCsvJobs({ schema, prepare: async () => null, score: (rows) => ({ columns: [{ key: 'w', label: 'W', kind: 'number' }], rows: rows.map((r) => ({ w: r.week as number })) }) }, scope);
			scope.onmessage?.({ data: { type: 'start', file: fileOf(5), fileName: 'rows.csv', artifactUrls: {} } } as MessageEvent<CsvJobRequest>);
		});
		if (final.type !== 'done') throw new Error(JSON.stringify(final));
		const column = final.result.scored.rows.columns.w;
		if (!('numbers' in column)) throw new Error('expected a number column');
		expect(transfers[0]).toContain(column.numbers.buffer);
		expect(transfers[0]).toContain(final.result.rowNumbers?.buffer);
	});

	it('posts whole-file failures and model-loading failures', async () => {
		const empty = await harness().run(new Blob([]));
		expect(empty).toEqual({ type: 'failed', failure: { kind: 'empty', message: 'The file is empty (0 bytes).' } });
		const h = harness({ failPrepare: true });
		const noModel = await h.run(fileOf(3));
		expect(noModel.type === 'failed' && noModel.failure).toEqual({ kind: 'internal', message: 'The model could not be loaded: model missing' });
		await h.run(fileOf(3));
		expect(h.prepares()).toBe(2); // a failed load is retried, not cached
	});
});
