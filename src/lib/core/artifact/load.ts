/** Fetch an artifact, check that it is the kind expected, and verify its content hash. */
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type ArtifactBase } from './types';
import { verifyArtifact } from './hash';

export class ArtifactError extends Error {
	override name = 'ArtifactError';
}

/** Check a parsed artifact: format, version, tool, model id, hash. */
export async function checkArtifact<T extends ArtifactBase>(
	value: unknown,
	expect: { tool: string; modelId?: string },
	source = 'artifact'
): Promise<T> {
	const a = value as Partial<ArtifactBase> | null;
	if (!a || typeof a !== 'object' || a.format !== ARTIFACT_FORMAT)
		throw new ArtifactError(`${source} is not a Storelens model artifact`);
	if (a.formatVersion !== ARTIFACT_FORMAT_VERSION)
		throw new ArtifactError(`${source} has format version ${a.formatVersion}; this site reads ${ARTIFACT_FORMAT_VERSION}`);
	if (a.tool !== expect.tool || (expect.modelId && a.modelId !== expect.modelId))
		throw new ArtifactError(`${source} is the ${a.tool}/${a.modelId} model, not ${expect.tool}/${expect.modelId ?? '*'}`);
	if (!(await verifyArtifact(a as ArtifactBase)))
		throw new ArtifactError(`${source} is damaged: its content does not match its hash`);
	return a as T;
}

/** Fetch and check an artifact (browser or worker). */
export async function loadArtifact<T extends ArtifactBase>(
	url: string,
	expect: { tool: string; modelId?: string },
	fetcher: typeof fetch = fetch
): Promise<T> {
	const response = await fetcher(url);
	if (!response.ok) throw new ArtifactError(`could not load the model (${response.status} ${response.statusText})`);
	return checkArtifact<T>(await response.json(), expect, url.split('/').pop() ?? url);
}
