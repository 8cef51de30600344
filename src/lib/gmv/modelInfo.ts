/** What the page needs to know about a GMV model without its weights: header, metrics, encoders. */
import type { ArtifactHeader } from '../core/artifact/types';
import type { GmvModelArtifact } from './artifacts';
import type { GmvEncoders } from './features';

export type GmvModelInfo = ArtifactHeader & { modelId: 'forest' | 'network'; encoders: GmvEncoders };

/** The artifact less its weights (forest bytes, network weights, scaler, reference row): small to send to the page. */
export function gmvModelInfo(artifact: GmvModelArtifact): GmvModelInfo {
	const info: Record<string, unknown> = { ...artifact };
	for (const heavy of ['forest', 'network', 'scaler', 'reference', 'target']) delete info[heavy];
	return info as unknown as GmvModelInfo;
}
