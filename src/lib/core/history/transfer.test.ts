import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../artifact/hash';
import { decodeValue, encodeValue, historyFileName, readHistoryFile, HISTORY_FILE_FORMAT } from './transfer';
import { HistoryError } from './types';
import { failWritesWithQuota, freshStore } from './testing';

const roundTrip = (value: unknown) => decodeValue(JSON.parse(JSON.stringify(encodeValue(value))));

describe('encodeValue / decodeValue', () => {
	it('keep what structured clone keeps and JSON loses', () => {
		const value = {
			f64: new Float64Array([1.5, -0, NaN, Infinity, 1e-300]),
			i32: new Int32Array([-1, 2 ** 31 - 1]),
			u8: new Uint8Array([0, 255]),
			clamped: new Uint8ClampedArray([7]),
			f32: new Float32Array([0.1]),
			big: new BigInt64Array([-(2n ** 63n)]),
			buffer: new Uint16Array([1, 2, 3]).buffer,
			view: new Float64Array([9, 8, 7, 6]).subarray(1, 3),
			numbers: [NaN, Infinity, -Infinity, -0, 0, 1e308],
			nothing: undefined,
			when: new Date(1767225600000),
			map: new Map<unknown, unknown>([['a', new Int32Array([1])], [2, 'b']]),
			set: new Set(['x', 'y']),
			bigint: 12345678901234567890n,
			dollar: { $: 'not a tag', v: 1 },
			proto: JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
			nested: [[{ deep: new Int8Array([-5]) }]]
		};
		const back = roundTrip(value) as typeof value;
		expect(back).toEqual(value);
		expect(back.f64).toBeInstanceOf(Float64Array);
		expect(Object.is(back.f64[1], -0)).toBe(true);
		expect(back.view).toBeInstanceOf(Float64Array);
		expect([...back.view]).toEqual([8, 7]);
		expect(back.buffer).toBeInstanceOf(ArrayBuffer);
		expect(Object.hasOwn(back.proto as object, '__proto__')).toBe(true);
		expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
	});

	it('refuse what a file cannot hold, naming where it is', () => {
		expect(() => encodeValue({ a: { f: () => 1 } })).toThrow(/payload\.a\.f is a function/);
		expect(() => encodeValue({ blob: new Blob(['x']) })).toThrow(/payload\.blob is a Blob/);
		const loop: Record<string, unknown> = {};
		loop.self = loop;
		expect(() => encodeValue(loop)).toThrow(/refers back to itself/);
	});

	it('refuse unknown tags and bad bytes', () => {
		expect(() => decodeValue({ $: 'Function', v: 'x' })).toThrow(/unknown tag/);
		expect(() => decodeValue({ $: 'Float64Array', base64: 'AAAA' })).toThrow(/do not make whole Float64Array/);
		expect(() => decodeValue({ $: 'Int32Array', base64: '!!' })).toThrow(/not valid base64/);
	});
});

/** A file as export writes it, for runs given as plain JSON records. */
async function fileText(runs: unknown[], overrides: Record<string, unknown> = {}): Promise<string> {
	return JSON.stringify({ format: HISTORY_FILE_FORMAT, version: 1, exportedAt: '2026-01-01T00:00:00.000Z', count: runs.length, sha256: await sha256Hex(JSON.stringify(runs)), runs, ...overrides });
}
const goodRun = { id: 'r1', tool: 'gmv', kind: 'scenario', name: 'A', savedAt: 1000, summary: 's', payloadVersion: 1, payload: { x: 1 } };

async function expectBadFile(text: string, message: RegExp) {
	const error = await readHistoryFile(text).then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(HistoryError);
	expect((error as HistoryError).problem).toBe('bad-file');
	expect((error as HistoryError).message).toMatch(message);
}

describe('readHistoryFile', () => {
	it('refuses damaged and foreign files, whole, with a clear message', async () => {
		await expectBadFile('', /it is empty/);
		await expectBadFile('{"format": "storelens-saved-runs", "runs": [', /not JSON/);
		await expectBadFile('{"hello": "world"}', /not a Storelens saved-runs file/);
		await expectBadFile('[1, 2, 3]', /not a Storelens saved-runs file/);
		await expectBadFile(await fileText([goodRun], { version: 7 }), /newer version of Storelens \(file version 7\)/);
		await expectBadFile(await fileText([goodRun], { runs: undefined }), /lists no runs/);
		const edited = (await fileText([goodRun])).replace('"name":"A"', '"name":"B"');
		await expectBadFile(edited, /checksum does not match/);
	});

	it('keeps the readable runs and lists the others by place and reason', async () => {
		const runs = [goodRun, { ...goodRun, id: 'r2', tool: 'Bad Tool' }, { ...goodRun, id: 'r3', payload: { $: 'Function' } }, 'junk', { ...goodRun, id: 'r5', savedAt: 'yesterday' }];
		const { runs: read, rejected } = await readHistoryFile(await fileText(runs));
		expect(read.map((r) => r.id)).toEqual(['r1']);
		expect(rejected).toEqual([
			{ index: 2, reason: 'its tool is missing or malformed' },
			{ index: 3, reason: expect.stringMatching(/its data cannot be read \(payload has an unknown tag "Function"\)/) },
			{ index: 4, reason: 'it is not a saved run' },
			{ index: 5, reason: 'its saved time is not a date' }
		]);
	});

	it('names the file by date', () => {
		expect(historyFileName(new Date('2026-03-01T10:00:00Z'))).toBe('storelens-saved-runs-2026-03-01.json');
	});
});

describe('export, then import into another device', () => {
	const payload = () => ({ customers: { cluster: new Int32Array([0, 4, 2]), margin: new Float64Array([0.5, NaN, -0]) }, fileName: 'march.csv' });

	it('brings every run back with its payload exactly, and a second import adds nothing', async () => {
		const phone = freshStore();
		await phone.save({ tool: 'segments', kind: 'upload', name: 'March', summary: '3 customers', payload: payload(), savedAt: 2000, payloadVersion: 2 });
		await phone.save({ tool: 'gmv', kind: 'scenario', name: 'Speakers', summary: '₹1 lakh', payload: { values: { cat: 'Speaker' } }, savedAt: 1000 });
		const { file, count } = await phone.exportAll(new Date('2026-03-01T00:00:00Z'));
		expect(count).toBe(2);
		expect(file.type).toBe('application/json');

		const laptop = freshStore();
		const report = await laptop.importFile(file);
		expect(report.added.map((r) => r.name)).toEqual(['March', 'Speakers']);
		expect(report).toMatchObject({ duplicates: 0, rejected: [] });
		expect(await laptop.list('segments')).toEqual(await phone.list('segments'));
		const march = await laptop.open<ReturnType<typeof payload>>(report.added[0].id);
		expect(march?.payload).toEqual(payload());
		expect(march?.payload.customers.cluster).toBeInstanceOf(Int32Array);
		expect(march?.payloadVersion).toBe(2);

		const again = await laptop.importFile(file);
		expect(again).toEqual({ added: [], duplicates: 2, rejected: [] });
		expect(await laptop.list('segments')).toHaveLength(1);
		await Promise.all([phone.close(), laptop.close()]);
	});

	it('a full disk while importing adds none of the file’s runs', async () => {
		const phone = freshStore();
		await phone.save({ tool: 'gmv', kind: 'scenario', name: 'A', summary: '', payload: 1 });
		await phone.save({ tool: 'gmv', kind: 'scenario', name: 'B', summary: '', payload: 2 });
		const { file } = await phone.exportAll();
		const laptop = freshStore();
		await laptop.list('gmv'); // the database exists before the disk fills
		const restore = failWritesWithQuota('abort');
		try {
			const error = await laptop.importFile(file).catch((e: unknown) => e);
			expect((error as HistoryError).problem).toBe('quota');
			expect((error as HistoryError).message).toMatch(/^Importing saved runs failed: This device has no room left/);
		} finally {
			restore();
		}
		expect(await laptop.list('gmv')).toEqual([]);
	});

	it('refuses a file that is too large before reading it', async () => {
		const store = freshStore();
		const huge = { size: 300 * 1024 * 1024, text: () => Promise.reject(new Error('should not be read')) } as unknown as Blob;
		await expect(store.importFile(huge)).rejects.toThrow(/too large to import \(300 MB; the limit is 256 MB\)/);
	});
});
