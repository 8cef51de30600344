import { describe, expect, it } from 'vitest';
import { budgetCurveChart, weeklyGmvChart } from './charts';

describe('GMV charts', () => {
	it('labels weeks and keeps actual and predicted apart', () => {
		const c = weeklyGmvChart([
			[44, { actual: 10, predicted: 12 }],
			[45, { actual: 11, predicted: 9 }]
		]);
		expect(c.data.labels).toEqual(['W44', 'W45']);
		expect(c.data.datasets.map((d) => d.label)).toEqual(['Actual GMV', 'Predicted GMV']);
		expect(c.data.datasets[1].data).toEqual([12, 9]);
	});

	it('fills under the budget curve in the first series colour', () => {
		const c = budgetCurveChart([
			{ budget: 0, gmv: 1 },
			{ budget: 10.4, gmv: 2 }
		]);
		expect(c.data.labels).toEqual(['0', '10']);
		expect(c.data.datasets[0]).toMatchObject({ borderColor: '--c-chart-1', backgroundColor: '--c-chart-1/0.15', fill: true });
	});
});
