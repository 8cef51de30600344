/**
 * Customer segments: k-means (ml-kmeans, seeded k-means++ start of our own) on the Online Retail
 * customers' features. The space and k are chosen by measurement (silhouette on a seeded sample,
 * stability across seeds by adjusted Rand index), beside a plain RFM-quantile baseline. See
 * segments/settings.ts for the candidates, the rule's thresholds and the seeds; each step below is
 * a module of segments/.
 */
import { join } from 'node:path';
import { writeArtifact } from './io.ts';
import { buildSegmentsArtifact } from './segments/artifact.ts';
import { analyseTrainingCustomers, checkBrowserAssignment } from './segments/assignment.ts';
import { compareWithBaseline } from './segments/baseline.ts';
import { readTrainingCustomers } from './segments/data.ts';
import { shipClusters } from './segments/profiles.ts';
import { chooseCandidate, compareCandidates } from './segments/selection.ts';

/** Train the customer segments on online-retail/online-retail.csv under `dataDir`; writes segments/model.json under `outDir`. */
export async function trainSegments(opts: { dataDir: string; outDir: string }) {
	const started = performance.now();
	const customers = readTrainingCustomers(opts.dataDir, started);
	// 1. Every space x k x seed; silhouette on a seeded sample, ARI between every pair of seeds.
	const candidates = compareCandidates(customers);
	// 2. The rule: stable (min ARI >= 0.8) and balanced (largest cluster < 60%) candidates, highest silhouette.
	const choice = chooseCandidate(candidates);
	// 3. Clusters ordered by mean revenue, highest first; profiles and names.
	const shipped = shipClusters(customers, choice);
	// 4. The browser-side assignment reproduces the training labels of the shipped model.
	const agreement = checkBrowserAssignment(customers, shipped);
	// 5. The analysis of the training customers (the page's first view), with the 2-D map.
	const first = await analyseTrainingCustomers(customers, shipped);
	// 6. Baseline.
	const baseline = compareWithBaseline(customers.table, shipped);
	// 7. The artifact.
	const artifact = buildSegmentsArtifact({ customers, candidates, choice, shipped, agreement, first, baseline });
	await writeArtifact(join(opts.outDir, 'segments', 'model.json'), artifact);
	console.log(`segments trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
