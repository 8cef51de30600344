/**
 * Tests of the cluster assignment, against `assignCustomer`, on the hand-checked customers
 * (handCustomers.fixture.ts), and of the marketing action each cluster gets by its name.
 */
import { describe, expect, it } from 'vitest';
import { CLUSTER_ACTIONS, assignTable, clusterAction } from './clusters';
import { CUSTOMER_FEATURES, featureMatrix, type CustomerTable } from './features';
import { INSIDERS, model, rowOf, table } from './handCustomers.fixture';
import { SKEWED_FEATURES, assignCustomer, embed, fitSpace, type SegmentAssigner } from './model';

const features = [...CUSTOMER_FEATURES];
const matrix = featureMatrix(table, features);
const space = fitSpace(matrix, table.count, features, SKEWED_FEATURES);

/** Mean point of some customers in the space. */
function centroidOf(members: number[]): number[] {
	const sum = new Array<number>(features.length).fill(0);
	for (const i of members) {
		const point = embed(space, matrix.subarray(i * features.length, (i + 1) * features.length));
		point.forEach((x, j) => (sum[j] += x / members.length));
	}
	return sum;
}

/** All eight features, scaler fitted on the table, centroids at the mean points of A-C and of the rest. */
const fitted: SegmentAssigner = {
	space,
	centroids: [centroidOf([0, 1, 2]), centroidOf([3, 4, 5, 6, 7])]
};

describe('assignTable', () => {
	function expectAgreement(m: SegmentAssigner, t: CustomerTable) {
		const a = assignTable(m, t);
		const width = m.space.features.length;
		for (let i = 0; i < t.count; i++) {
			const row = rowOf(t, i, m.space.features);
			const one = assignCustomer(m, row);
			expect(a.cluster[i], `cluster of ${t.ids[i]}`).toBe(one.cluster);
			expect(a.nextNearest[i], `next-nearest of ${t.ids[i]}`).toBe(one.nextNearest);
			expect(a.margin[i], `margin of ${t.ids[i]}`).toBeCloseTo(one.margin, 12);
			expect(a.margin[i]).toBeGreaterThanOrEqual(0);
			expect([...a.points.subarray(i * width, (i + 1) * width)]).toEqual(embed(m.space, row));
		}
		return a;
	}

	it('agrees with assignCustomer for every customer (hand-made 2-feature model)', () => {
		const a = expectAgreement(model, table);
		expect([...a.cluster]).toEqual(INSIDERS.map((x) => (x ? 0 : 1)));
		expect([...a.nextNearest]).toEqual(INSIDERS.map((x) => (x ? 1 : 0)));
		// A at (1, 1.25): sqrt(1 + 0.5625) to (2, 2), sqrt(1 + 1.5625) to (0, 0).
		expect(a.margin[0]).toBeCloseTo(Math.sqrt(2.5625) - Math.sqrt(1.5625), 12);
	});

	it('agrees with assignCustomer for every customer (eight features, fitted scaler)', () => {
		expectAgreement(fitted, table);
	});

	it('breaks ties toward the first cluster, as assignCustomer does', () => {
		const far = new Array<number>(features.length).fill(50);
		const tied: SegmentAssigner = { space, centroids: [far, fitted.centroids[0], fitted.centroids[0].slice(), fitted.centroids[1]] };
		const a = expectAgreement(tied, table);
		// A sits nearest the Insiders centroid, present twice: the first copy wins, the second is next.
		expect([a.cluster[0], a.nextNearest[0], a.margin[0]]).toEqual([1, 2, 0]);
	});

	it('gives next-nearest -1 and margin 0 with a single cluster', () => {
		const a = expectAgreement({ space, centroids: [fitted.centroids[0]] }, table);
		expect([...a.cluster]).toEqual(new Array(table.count).fill(0));
		expect([...a.nextNearest]).toEqual(new Array(table.count).fill(-1));
		expect([...a.margin]).toEqual(new Array(table.count).fill(0));
	});
});

describe('clusterAction', () => {
	const action = (name: string) => CLUSTER_ACTIONS.find((a) => a.name === name)!.action;

	it('finds the action by the start of the name', () => {
		expect(clusterAction('Lapsed one-off buyers (higher spend)')).toBe(action('Lapsed one-off buyers'));
		expect(clusterAction('Lapsed one-off buyers')).toBe(action('Lapsed one-off buyers'));
		expect(clusterAction('Lapsed regulars (group 2)')).toBe(action('Lapsed regulars'));
		expect(clusterAction('Insiders')).toBe(action('Insiders'));
	});

	it('has a fallback for a name it does not know', () => {
		expect(clusterAction('Insiders club')).toBe('Watch how this group develops before spending on it.');
		expect(clusterAction('Something else')).toBe('Watch how this group develops before spending on it.');
	});
});
