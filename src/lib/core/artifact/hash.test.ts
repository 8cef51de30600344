import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hashedText, sealArtifact, sha256Hex, verifyArtifact } from './hash';
import { ArtifactError, bundledArtifact, checkArtifact, checkArtifactText, loadArtifact } from './load';
import { sha256 } from './sha256';

describe('artifact hashing', () => {
	it('hashes like sha256sum, synchronously and with the platform’s SHA-256 alike', async () => {
		expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		// Lengths around the padding boundaries, and multi-byte UTF-8.
		for (const text of ['', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(119), 'é€😀'.repeat(50)]) {
			expect(sha256(text)).toBe(await sha256Hex(text));
		}
	});
	it('verifies a sealed artifact after a JSON round trip and detects tampering', async () => {
		const { text } = await sealArtifact({ a: 1.1, b: [1e-7, 3], contentHash: '' });
		const parsed = JSON.parse(text);
		expect(await verifyArtifact(parsed)).toBe(true);
		parsed.b[0] = 2e-7;
		expect(await verifyArtifact(parsed)).toBe(false);
	});
});

describe('the one checker', async () => {
	const { artifact } = await sealArtifact({ format: 'storelens-artifact' as const, formatVersion: 1, tool: 'gmv', modelId: 'forest', version: '1.0.0', forest: 'AAAA', contentHash: '' });

	it('accepts the right artifact and rejects another tool, another format or a changed byte, in words', async () => {
		await expect(checkArtifact<typeof artifact>(artifact, { tool: 'gmv', modelId: 'forest', requires: ['forest'] })).resolves.toBe(artifact);
		await expect(checkArtifact(artifact, { tool: 'sellers' })).rejects.toThrow(/holds the gmv\/forest model, not sellers/);
		await expect(checkArtifact({ hello: 1 }, { tool: 'gmv' })).rejects.toThrow(/not a Storelens model file/);
		await expect(checkArtifact({ ...artifact, formatVersion: 2 }, { tool: 'gmv' })).rejects.toThrow(/another version of this site/);
		await expect(checkArtifact({ ...artifact, extra: 1 }, { tool: 'gmv' }, 'forest.json')).rejects.toThrow(/^forest.json failed its integrity check/);
		await expect(checkArtifact({ ...artifact, contentHash: 'x' }, { tool: 'gmv' })).rejects.toThrow(/no content hash/);
		await expect(checkArtifact(artifact, { tool: 'gmv', requires: ['encoders' as never] })).rejects.toThrow(/missing its “encoders” field/);
	});

	it('checks with the pure TypeScript SHA-256 where Web Crypto is missing', async () => {
		vi.stubGlobal('crypto', {});
		try {
			await expect(checkArtifact(artifact, { tool: 'gmv' })).resolves.toBe(artifact);
			await expect(checkArtifact({ ...artifact, extra: 1 }, { tool: 'gmv' })).rejects.toThrow(/integrity check/);
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('gives a bundled artifact’s failure as a message, never a throw', async () => {
		expect(await bundledArtifact(artifact, { tool: 'gmv' }, 'x')).toEqual({ ok: true, artifact });
		const bad = await bundledArtifact({ ...artifact, forest: 'BBBB' }, { tool: 'gmv' }, 'The GMV data file');
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.message).toMatch(/^The GMV data file failed its integrity check/);
	});

	it('checks a file’s text as written (hash over the text), and falls back to the canonical check for another layout', async () => {
		const text = JSON.stringify(artifact) + '\n';
		await expect(checkArtifactText(text, { tool: 'gmv' })).resolves.toEqual(artifact);
		// Re-indented (or CRLF line endings): the same content, so it still passes, by the canonical check.
		await expect(checkArtifactText(JSON.stringify(artifact, null, 2).replace(/\n/g, '\r\n'), { tool: 'gmv' })).resolves.toEqual(artifact);
		// One changed byte of content fails both ways.
		await expect(checkArtifactText(text.replace('AAAA', 'AAAB'), { tool: 'gmv' }, 'forest.json')).rejects.toThrow(/^forest.json failed its integrity check/);
		// A nested field named contentHash before the real one cannot make a changed file pass.
		const nested = JSON.stringify({ inner: { contentHash: artifact.contentHash }, ...artifact });
		await expect(checkArtifactText(nested, { tool: 'gmv' })).rejects.toThrow(/integrity check/);
		await expect(checkArtifactText('{"format":', { tool: 'gmv' })).rejects.toThrow(/not valid JSON/);
		expect(await bundledArtifact(text, { tool: 'gmv' }, 'x')).toEqual({ ok: true, artifact });
	});

	it('checks a fetched artifact the same way, and names the file', async () => {
		const serve = (body: string, status = 200) => (async () => new Response(body, { status, statusText: status === 200 ? 'OK' : 'Not Found' })) as typeof fetch;
		await expect(loadArtifact('/a/forest.json?v=1', { tool: 'gmv' }, serve(JSON.stringify(artifact)))).resolves.toEqual(artifact);
		await expect(loadArtifact('/a/forest.json', { tool: 'gmv' }, serve(JSON.stringify({ ...artifact, version: '9' })))).rejects.toThrow(/The model file forest.json failed its integrity check/);
		await expect(loadArtifact('/a/forest.json', { tool: 'gmv' }, serve('{"format":'))).rejects.toThrow(/not valid JSON/);
		await expect(loadArtifact('/a/forest.json', { tool: 'gmv' }, serve('', 404))).rejects.toBeInstanceOf(ArtifactError);
	});
});

describe('every shipped artifact', () => {
	const root = new URL('../../../../model-artifacts/', import.meta.url).pathname;
	const files = readdirSync(root).flatMap((tool) => (statSync(join(root, tool)).isDirectory() ? readdirSync(join(root, tool)).map((f) => join(tool, f)) : []));

	it('is there', () => expect(files.length).toBeGreaterThanOrEqual(4));

	it.each(files)('%s passes the checker (its folder is its tool)', async (file) => {
		const value = JSON.parse(readFileSync(join(root, file), 'utf8'));
		const tool = file.split('/')[0];
		const artifact = await checkArtifact(value, { tool, modelId: value.modelId }, file);
		// The file is exactly what training wrote: the hash covers every field.
		expect(sha256(hashedText(artifact))).toBe(artifact.contentHash);
		expect(readFileSync(join(root, file), 'utf8')).toBe(JSON.stringify(value) + '\n');
		// And the fast check of the file's text (what the pages bundle) agrees.
		await expect(checkArtifactText(readFileSync(join(root, file), 'utf8'), { tool, modelId: value.modelId }, file)).resolves.toEqual(value);
	});
});
