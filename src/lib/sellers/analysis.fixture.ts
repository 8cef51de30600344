/** A small analysis for unit tests (ranking, JSON). */
import type { MarketAnalysis } from './analysis';

/** Three candidates over categories A, B, C with known probabilities and recent collections. */
export function analysis(): MarketAnalysis {
	return {
		layout: 'events',
		asOfMonth: 600,
		months: [600],
		categories: ['A', 'B', 'C'],
		levels: [
			{ category: 2, name: 'C', listings: 0, wishlistAdds: 5, level: 0, history: [] },
			{ category: 0, name: 'A', listings: 1, wishlistAdds: 5, level: 0.2, history: [] },
			{ category: 1, name: 'B', listings: 9, wishlistAdds: 3, level: 3, history: [] }
		],
		activity: [],
		candidates: {
			ids: ['=u1', 'u2', 'u3'],
			features: ['collection_size'],
			X: Float64Array.from([10, 20, 30]),
			probability: Float64Array.from([0.2, 0.1, 0.5]),
			forestScore: Float64Array.from([0.6, 0.5, 0.9]),
			driverFeature: Int8Array.from([0, -1, -1, 0, -1, -1, 0, -1, -1]),
			driverEffect: Float32Array.from([0.05, 0, 0, -0.01, 0, 0, 0.3, 0, 0]),
			// u1: A 3, B 1; u2: A 2; u3: B 4
			recentOffsets: Uint32Array.from([0, 2, 3, 4]),
			recentCategory: Uint16Array.from([0, 1, 0, 1]),
			recentCount: Uint32Array.from([3, 1, 2, 4])
		},
		baseline: 0.1,
		countSpread: 0,
		rangeWarnings: [],
		events: 100,
		users: 3
	};
}
