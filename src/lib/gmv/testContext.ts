/** A small, hand-made GMV context for unit tests (no real data). */
import type { GmvContext } from './artifacts';
import { CHANNELS, SUB_CATEGORIES } from './schema';
import type { ChannelSpend } from './spend';

const budget = (scale: number) => Object.fromEntries(CHANNELS.map((c, i) => [c, scale * (i + 1)])) as ChannelSpend;

export const testContext: GmvContext = {
	format: 'storelens-artifact',
	formatVersion: 1,
	tool: 'gmv',
	modelId: 'context',
	version: '0.0.0-test',
	contentHash: '',
	provenance: {
		source: 'unit test',
		licence: 'none',
		synthetic: true,
		rows: 0,
		period: ['2015-07-01', '2016-06-30'],
		split: 'none',
		trainRows: 0,
		testRows: 0,
		dataHash: ''
	},
	calendar: {
		saleDays: [{ date: '2016-05-25', name: 'Pacman' }],
		holidays: [{ date: '2016-05-21', name: 'Buddha Purnima' }],
		monthlyNps: { '2016-05': 47.3, '2016-04': 51.8, '2015-07': 54.6 },
		period: ['2015-07-01', '2016-06-30']
	},
	monthlyBudget: { '2016-05': budget(1), '2016-04': budget(2), '2015-07': budget(3) },
	typicalInputs: Object.fromEntries(SUB_CATEGORIES.map((s, i) => [s, { productMrp: 1000 + 500 * i, discount: 20 + i, sla: 4 + i / 10, procurementSla: 2 + i / 10 }])),
	budgetRanges: {},
	startWeek: { date: '2016-05-25', week: 48, subCategory: 'CameraAccessory', productMrp: 2377.54, discount: 45.574, sla: 5.5, procurementSla: 2.4, actualGmv: 9e6, recentGmv: [6e6, 5.5e6, 6e6, 8.5e6] },
	heldOutGmv: { CameraAccessory: { '44': 8.5e6, '45': 6e6, '46': 5.5e6, '47': 6e6, '48': 9e6 } },
	varianceBetweenSubCategories: 0.79,
	modelRanking: ['forest', 'network'],
	models: { forest: 'forest.json', network: 'network.json' }
};
