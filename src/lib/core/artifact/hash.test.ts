import { describe, expect, it } from 'vitest';
import { sealArtifact, sha256Hex, verifyArtifact } from './hash';
import { checkArtifact } from './load';

describe('artifact hashing', () => {
	it('hashes like sha256sum', async () => {
		expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
	it('verifies a sealed artifact after a JSON round trip and detects tampering', async () => {
		const { text } = await sealArtifact({ a: 1.1, b: [1e-7, 3], contentHash: '' });
		const parsed = JSON.parse(text);
		expect(await verifyArtifact(parsed)).toBe(true);
		parsed.b[0] = 2e-7;
		expect(await verifyArtifact(parsed)).toBe(false);
	});
	it('rejects artifacts of another tool or format', async () => {
		const { artifact } = await sealArtifact({ format: 'storelens-artifact', formatVersion: 1, tool: 'gmv', modelId: 'forest', contentHash: '' });
		await expect(checkArtifact(artifact, { tool: 'gmv', modelId: 'forest' })).resolves.toBeTruthy();
		await expect(checkArtifact(artifact, { tool: 'sellers' })).rejects.toThrow(/not sellers/);
		await expect(checkArtifact({ hello: 1 }, { tool: 'gmv' })).rejects.toThrow(/not a Storelens/);
		await expect(checkArtifact({ ...artifact, tool: 'gmv', modelId: 'forest', formatVersion: 1, extra: 1 }, { tool: 'gmv' })).rejects.toThrow(/damaged/);
	});
});
