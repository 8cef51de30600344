/**
 * The saved-runs file a person exports and imports: JSON, readable, with structured-clone data
 * kept exactly. JSON alone would lose typed arrays, Dates, Maps, Sets, NaN, ±Infinity and -0, so
 * those are written as tagged objects `{"$": "Float64Array", "base64": "…"}` (typed arrays as their
 * little-endian bytes); a plain object that itself has a "$" key is wrapped as `{"$": "Object"}`.
 *
 *   { "format": "storelens-saved-runs", "version": 1, "exportedAt": "…ISO…", "count": N,
 *     "sha256": "<hex of JSON.stringify(runs)>", "runs": [ { id, tool, kind, name, savedAt,
 *     summary, payloadVersion, payload }, … ] }
 *
 * Reading checks the format tag, the version, the checksum (a damaged or hand-edited file is
 * refused whole), and then each run on its own: a run that cannot be read is reported by its place
 * in the file and the others are kept.
 */
import { base64ToBytes, bytesToBase64 } from '../base64';
import { sha256Hex } from '../artifact/hash';
import { estimateSize } from './size';
import { HistoryError, type SavedRun } from './types';

export const HISTORY_FILE_FORMAT = 'storelens-saved-runs';
export const HISTORY_FILE_VERSION = 1;
/** Larger files are refused before they are read (a phone's tab would run out of memory). */
export const HISTORY_FILE_MAX_BYTES = 256 * 1024 * 1024;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TYPED_ARRAYS = {
	Int8Array,
	Uint8Array,
	Uint8ClampedArray,
	Int16Array,
	Uint16Array,
	Int32Array,
	Uint32Array,
	Float32Array,
	Float64Array,
	BigInt64Array,
	BigUint64Array
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;
const isTypedArrayName = (name: string): name is TypedArrayName => Object.hasOwn(TYPED_ARRAYS, name);

function bytesOf(view: ArrayBufferView): Uint8Array {
	return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** Structured-clone data -> JSON value. Throws on what a file cannot hold (functions, Blobs, cycles). */
export function encodeValue(value: unknown, path = 'payload', seen = new Set<object>()): Json {
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return value;
		case 'number':
			if (Number.isNaN(value)) return { $: 'number', v: 'NaN' };
			if (value === Infinity) return { $: 'number', v: 'Infinity' };
			if (value === -Infinity) return { $: 'number', v: '-Infinity' };
			if (Object.is(value, -0)) return { $: 'number', v: '-0' };
			return value;
		case 'bigint':
			return { $: 'BigInt', v: value.toString() };
		case 'undefined':
			return { $: 'undefined' };
		case 'object':
			break;
		default:
			throw new TypeError(`${path} is a ${typeof value}, which a file cannot hold`);
	}
	if (value === null) return null;
	if (seen.has(value)) throw new TypeError(`${path} refers back to itself`);
	seen.add(value);
	try {
		if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
			const name = value.constructor.name;
			if (!isTypedArrayName(name)) throw new TypeError(`${path} is a ${name}, which a file cannot hold`);
			return { $: name, base64: bytesToBase64(bytesOf(value)) };
		}
		if (value instanceof ArrayBuffer) return { $: 'ArrayBuffer', base64: bytesToBase64(new Uint8Array(value)) };
		if (value instanceof Date) return { $: 'Date', v: value.getTime() };
		if (value instanceof Map) return { $: 'Map', v: [...value].map(([k, v], i) => [encodeValue(k, `${path}.key${i}`, seen), encodeValue(v, `${path}.${i}`, seen)]) };
		if (value instanceof Set) return { $: 'Set', v: [...value].map((v, i) => encodeValue(v, `${path}[${i}]`, seen)) };
		if (Array.isArray(value)) return value.map((v, i) => encodeValue(v, `${path}[${i}]`, seen));
		const proto = Object.getPrototypeOf(value);
		if (proto !== Object.prototype && proto !== null) throw new TypeError(`${path} is a ${value.constructor?.name ?? 'object'}, which a file cannot hold`);
		const out: { [key: string]: Json } = {};
		for (const [key, item] of Object.entries(value)) setOwn(out, key, encodeValue(item, `${path}.${key}`, seen));
		return Object.hasOwn(out, '$') ? { $: 'Object', v: out } : out;
	} finally {
		seen.delete(value);
	}
}

/** Sets an own property, also for a key like "__proto__" (which plain assignment would treat as the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const NUMBERS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

/** JSON value -> structured-clone data (the inverse of encodeValue). Throws a TypeError naming the path. */
export function decodeValue(json: unknown, path = 'payload'): unknown {
	if (json === null || typeof json === 'string' || typeof json === 'boolean') return json;
	if (typeof json === 'number') return json;
	if (Array.isArray(json)) return json.map((item, i) => decodeValue(item, `${path}[${i}]`));
	if (typeof json !== 'object') throw new TypeError(`${path} cannot be read`);
	const record = json as Record<string, unknown>;
	if (!Object.hasOwn(record, '$')) {
		const out: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(record)) setOwn(out, key, decodeValue(item, `${path}.${key}`));
		return out;
	}
	const tag = record.$;
	const v = record.v;
	if (tag === 'Object' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
		const out: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(v)) setOwn(out, key, decodeValue(item, `${path}.${key}`));
		return out;
	}
	if (tag === 'number' && typeof v === 'string' && Object.hasOwn(NUMBERS, v)) return NUMBERS[v];
	if (tag === 'undefined') return undefined;
	if (tag === 'BigInt' && typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
	if (tag === 'Date' && typeof v === 'number') return new Date(v);
	if (tag === 'Map' && Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2))
		return new Map(v.map(([k, item], i) => [decodeValue(k, `${path}.key${i}`), decodeValue(item, `${path}.${i}`)]));
	if (tag === 'Set' && Array.isArray(v)) return new Set(v.map((item, i) => decodeValue(item, `${path}[${i}]`)));
	if (typeof tag === 'string' && (tag === 'ArrayBuffer' || isTypedArrayName(tag)) && typeof record.base64 === 'string') {
		let bytes: Uint8Array;
		try {
			bytes = base64ToBytes(record.base64);
		} catch {
			throw new TypeError(`${path} is not valid base64`);
		}
		if (tag === 'ArrayBuffer') return bytes.slice().buffer;
		const Type = TYPED_ARRAYS[tag];
		if (bytes.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new TypeError(`${path}: ${bytes.byteLength} bytes do not make whole ${tag} items`);
		return new Type(bytes.slice().buffer);
	}
	throw new TypeError(`${path} has an unknown tag ${JSON.stringify(tag).slice(0, 40)}`);
}

/** The file's text for these runs. Throws a TypeError when a payload holds something a file cannot. */
export async function historyFileText(runs: readonly SavedRun[], exportedAt: Date): Promise<string> {
	const encoded = runs.map((run) => ({
		id: run.id,
		tool: run.tool,
		kind: run.kind,
		name: run.name,
		savedAt: run.savedAt,
		summary: run.summary,
		payloadVersion: run.payloadVersion,
		payload: encodeValue(run.payload, `“${run.name}”`)
	}));
	const runsText = JSON.stringify(encoded);
	const sha256 = await sha256Hex(runsText);
	const head = JSON.stringify({ format: HISTORY_FILE_FORMAT, version: HISTORY_FILE_VERSION, exportedAt: exportedAt.toISOString(), count: runs.length, sha256 });
	// The runs go last, as the exact text that was hashed.
	return `${head.slice(0, -1)},"runs":${runsText}}\n`;
}

/** "storelens-saved-runs-2026-03-01.json" */
export function historyFileName(date: Date): string {
	return `${HISTORY_FILE_FORMAT}-${date.toISOString().slice(0, 10)}.json`;
}

const NAME_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
export const MAX_NAME_LENGTH = 200;
export const MAX_SUMMARY_LENGTH = 1000;

/** Why a run record from a file cannot be used, or null when it can. */
function runProblem(raw: unknown): string | null {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'it is not a saved run';
	const r = raw as Record<string, unknown>;
	if (typeof r.id !== 'string' || !ID_PATTERN.test(r.id)) return 'its id is missing or malformed';
	if (typeof r.tool !== 'string' || !NAME_PATTERN.test(r.tool)) return 'its tool is missing or malformed';
	if (typeof r.kind !== 'string' || !NAME_PATTERN.test(r.kind)) return 'its kind is missing or malformed';
	if (typeof r.name !== 'string' || !r.name.trim() || r.name.length > MAX_NAME_LENGTH) return `its name is missing or longer than ${MAX_NAME_LENGTH} characters`;
	if (typeof r.summary !== 'string' || r.summary.length > MAX_SUMMARY_LENGTH) return 'its summary is missing or too long';
	if (typeof r.savedAt !== 'number' || !Number.isFinite(r.savedAt) || r.savedAt <= 0 || r.savedAt > 8.64e15) return 'its saved time is not a date';
	if (typeof r.payloadVersion !== 'number' || !Number.isInteger(r.payloadVersion) || r.payloadVersion < 1) return 'its payload version is not a whole number';
	if (!Object.hasOwn(r, 'payload')) return 'it has no payload';
	return null;
}

const badFile = (reason: string) =>
	new HistoryError('bad-file', `This file cannot be imported: ${reason}. Choose a file made by “Export” in Storelens.`);

/** Read a saved-runs file's text: the runs that can be used, and the others by place and reason. */
export async function readHistoryFile(text: string): Promise<{ runs: SavedRun[]; rejected: { index: number; reason: string }[] }> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		throw badFile(text.trim() ? 'it is not JSON (is it damaged, or a different kind of file?)' : 'it is empty');
	}
	if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== HISTORY_FILE_FORMAT)
		throw badFile('it is a JSON file, but not a Storelens saved-runs file');
	const file = parsed as { version?: unknown; sha256?: unknown; runs?: unknown; count?: unknown };
	if (typeof file.version !== 'number' || file.version > HISTORY_FILE_VERSION)
		throw badFile(`it was made by a newer version of Storelens (file version ${String(file.version)}); reload the site to get the newest version`);
	if (!Array.isArray(file.runs)) throw badFile('it lists no runs');
	if (typeof file.sha256 !== 'string' || (await sha256Hex(JSON.stringify(file.runs))) !== file.sha256)
		throw badFile('its checksum does not match its content, so it was damaged or changed after it was exported');
	const runs: SavedRun[] = [];
	const rejected: { index: number; reason: string }[] = [];
	file.runs.forEach((raw: unknown, i: number) => {
		const problem = runProblem(raw);
		if (problem) {
			rejected.push({ index: i + 1, reason: problem });
			return;
		}
		const r = raw as Omit<SavedRun, 'size'>;
		try {
			const payload = decodeValue(r.payload);
			runs.push({ id: r.id, tool: r.tool, kind: r.kind, name: r.name.trim(), savedAt: r.savedAt, summary: r.summary, payloadVersion: r.payloadVersion, payload, size: estimateSize(payload) });
		} catch (error) {
			rejected.push({ index: i + 1, reason: `its data cannot be read (${error instanceof Error ? error.message : String(error)})` });
		}
	});
	return { runs, rejected };
}
