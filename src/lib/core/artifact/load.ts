/**
 * The one model loader: every artifact, bundled into the page's code or fetched, goes through
 * `checkArtifact` (format, version, tool, model id, required fields, content hash) before anything
 * reads it. Bundled artifacts are checked in a route's `load` (at build time, and in the browser
 * before the page hydrates); fetched ones after the download. The hash uses the platform's native
 * SHA-256 (Web Crypto: well under a millisecond, off the interpreter) and falls back to the pure
 * TypeScript one where Web Crypto is missing (a page served over plain http from another machine).
 * A failed check is an `ArtifactError` whose message a page can show as it is.
 */
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type ArtifactBase } from './types';
import { hashedText, sha256Hex } from './hash';

export class ArtifactError extends Error {
	override name = 'ArtifactError';
}

/** What an artifact must be. */
export interface ArtifactExpectation<T> {
	tool: string;
	modelId?: string;
	/** Top-level fields that must be present (beyond the common header). */
	requires?: readonly (keyof T & string)[];
}

/** Everything but the hash: format, version, tool, model id, required fields. */
function checkShape<T>(value: unknown, expect: ArtifactExpectation<T>, source: string): ArtifactBase {
	const a = value as Partial<ArtifactBase> | null;
	if (!a || typeof a !== 'object' || a.format !== ARTIFACT_FORMAT) throw new ArtifactError(`${source} is not a Storelens model file.`);
	if (a.formatVersion !== ARTIFACT_FORMAT_VERSION) {
		throw new ArtifactError(`${source} was written for another version of this site (format ${a.formatVersion}; this site reads ${ARTIFACT_FORMAT_VERSION}). Reload the page to fetch matching files.`);
	}
	if (a.tool !== expect.tool || (expect.modelId && a.modelId !== expect.modelId)) {
		throw new ArtifactError(`${source} holds the ${a.tool}/${a.modelId} model, not ${expect.tool}/${expect.modelId ?? '*'}.`);
	}
	if (typeof a.contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(a.contentHash)) throw new ArtifactError(`${source} carries no content hash, so it cannot be checked.`);
	for (const field of expect.requires ?? []) {
		if (!(field in a)) throw new ArtifactError(`${source} is missing its “${field}” field.`);
	}
	return a as ArtifactBase;
}

function damaged(source: string): ArtifactError {
	return new ArtifactError(`${source} failed its integrity check: its content does not match its hash, so it was not used. Reload the page to fetch it again.`);
}

/** SHA-256 hex of text: Web Crypto when the platform has it, else the pure TypeScript one (fetched only then). */
async function digest(text: string): Promise<string> {
	if (globalThis.crypto?.subtle) return sha256Hex(text);
	const { sha256 } = await import('./sha256');
	return sha256(text);
}

/** Check a parsed artifact; resolves to it typed, or rejects with an ArtifactError. */
export async function checkArtifact<T extends ArtifactBase>(value: unknown, expect: ArtifactExpectation<T>, source = 'The model file'): Promise<T> {
	const artifact = checkShape(value, expect, source);
	if ((await digest(hashedText(artifact))) !== artifact.contentHash) throw damaged(source);
	return artifact as T;
}

const HASH_FIELD = /"contentHash":"([0-9a-f]{64})"/;

/**
 * Check an artifact from its file's text, as written by training: the hash is taken over the text
 * itself with its hash blanked (what `sealArtifact` hashed), so nothing is serialised again, and the
 * text is parsed with the native JSON parser. A text laid out otherwise (re-indented, another key
 * order) falls back to the canonical check, so only a real change of content fails.
 */
export async function checkArtifactText<T extends ArtifactBase>(text: string, expect: ArtifactExpectation<T>, source = 'The model file'): Promise<T> {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new ArtifactError(`${source} is not valid JSON: it was cut short or damaged on the way.`);
	}
	const artifact = checkShape(value, expect, source);
	const field = HASH_FIELD.exec(text);
	if (field && field[1] === artifact.contentHash) {
		const blanked = `${text.slice(0, field.index)}"contentHash":""${text.slice(field.index + field[0].length)}`.trimEnd();
		if ((await digest(blanked)) === artifact.contentHash) return artifact as T;
	}
	if ((await digest(hashedText(artifact))) !== artifact.contentHash) throw damaged(source);
	return artifact as T;
}

/** A bundled artifact's check, as a result a route's `load` can turn into an error page. */
export type ArtifactResult<T> = { ok: true; artifact: T } | { ok: false; message: string };

/**
 * Check an artifact bundled into the code: its file's text (a `?raw` import, the cheaper way: parsed
 * natively and hashed as written) or its parsed JSON. A failure comes back as a message, never a throw.
 */
export async function bundledArtifact<T extends ArtifactBase>(json: unknown, expect: ArtifactExpectation<T>, source: string): Promise<ArtifactResult<T>> {
	try {
		return { ok: true, artifact: typeof json === 'string' ? await checkArtifactText<T>(json, expect, source) : await checkArtifact<T>(json, expect, source) };
	} catch (error) {
		if (error instanceof ArtifactError) return { ok: false, message: error.message };
		throw error;
	}
}

/** Fetch and check an artifact (browser or worker); the hash with the platform's native SHA-256 when it has one. */
export async function loadArtifact<T extends ArtifactBase>(url: string, expect: ArtifactExpectation<T>, fetcher: typeof fetch = fetch): Promise<T> {
	const name = url.split('?')[0].split('/').pop() || url;
	const source = `The model file ${name}`;
	const response = await fetcher(url);
	if (!response.ok) throw new ArtifactError(`${source} could not be loaded (${response.status} ${response.statusText}).`);
	return checkArtifactText<T>(await response.text(), expect, source);
}
