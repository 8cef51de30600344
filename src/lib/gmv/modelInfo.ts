/** What the page needs to know about a GMV model without its weights: header, metrics, encoders. */
import type { ArtifactHeader } from '../core/artifact/types';
import type { LogConformalInterval } from '../core/conformal';
import type { GmvModelArtifact, GmvRecentForecast } from './artifacts';
import type { GmvEncoders } from './features';

export type GmvModelInfo = ArtifactHeader & {
	modelId: 'forest' | 'network';
	encoders: GmvEncoders;
	/** The model's 80% range (split-conformal) and its measured test coverage. */
	interval?: LogConformalInterval;
	/** The forecast from recent sales, less its forest (the forest's artifact only). */
	recent?: Omit<GmvRecentForecast, 'forest'>;
};

/** The artifact less its weights (forest bytes, network weights, scaler, reference row): small to send to the page. */
export function gmvModelInfo(artifact: GmvModelArtifact): GmvModelInfo {
	const info: Record<string, unknown> = { ...artifact };
	for (const heavy of ['forest', 'network', 'scaler', 'reference', 'target']) delete info[heavy];
	if (artifact.modelId === 'forest') {
		const { forest: _bytes, ...recent } = artifact.recent;
		void _bytes;
		info.recent = recent;
	}
	return info as unknown as GmvModelInfo;
}
