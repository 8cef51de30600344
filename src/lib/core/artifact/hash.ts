/**
 * Content hashes of artifacts. The hash is the SHA-256 of the artifact's JSON text with its
 * `contentHash` field set to the empty string; JSON.parse then JSON.stringify reproduces that text
 * exactly, so the browser can verify what it downloaded. Works in Node (>= 20) and browsers.
 */

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
	const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
	const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The text that is hashed: the artifact with `contentHash: ''`. */
export function hashedText(artifact: { contentHash?: string }): string {
	return JSON.stringify({ ...artifact, contentHash: '' });
}

/** Fill in `contentHash` and return the final JSON text (one line, then a newline). */
export async function sealArtifact<T extends { contentHash: string }>(artifact: T): Promise<{ artifact: T; text: string }> {
	const contentHash = await sha256Hex(hashedText(artifact));
	const sealed = { ...artifact, contentHash };
	return { artifact: sealed, text: JSON.stringify(sealed) + '\n' };
}

/** True when the artifact's content matches its hash. */
export async function verifyArtifact(artifact: { contentHash: string }): Promise<boolean> {
	return (await sha256Hex(hashedText(artifact))) === artifact.contentHash;
}
