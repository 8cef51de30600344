/**
 * BeiBei keeps at most 2 filled deals per organiser (one in tune.txt, one in test.txt: the paper's
 * own evaluation split) but every failed one. An organiser whose 2 fills are both in the counted
 * half cannot fill again in this data, and the model learns that. How well does it rank the
 * launches the cap does not decide?
 */
import { pick } from '../../../../src/lib/core/metrics/bootstrap.ts';
import { rocAuc } from '../../../../src/lib/core/metrics/classification.ts';
import type { DealArtifact } from '../../../../src/lib/group-buy/artifact.ts';
import { round } from '../../io.ts';
import type { DealLaunches } from './data.ts';
import type { DealModels } from './models.ts';
import type { DealChoice } from './selection.ts';
import { ORGANISER_FILL_CAP } from './settings.ts';

/** The test launches the fill cap decides, and each model's ROC AUC on the others (prints them). */
export function measureFillCap({ split, known }: DealLaunches, { itemOnly, baseRow }: DealChoice, { testRows, forestP, itemRate, logisticP }: DealModels): DealArtifact['cap'] {
	const maxFills = split.train.reduce((m, l) => Math.max(m, known(l).organiserFills), 0);
	const open = split.test.map((l, i) => (known(l).organiserFills < ORGANISER_FILL_CAP ? i : -1)).filter((i) => i >= 0);
	const atOpen = (p: ArrayLike<number>) => rocAuc(pick(testRows.y, Uint32Array.from(open)), pick(p, Uint32Array.from(open)));
	const cap = {
		organiserFillCap: ORGANISER_FILL_CAP,
		largestOrganiserFillsSeen: maxFills,
		capped: { launches: split.test.length - open.length, filled: split.test.filter((l) => known(l).organiserFills >= ORGANISER_FILL_CAP).reduce((a, l) => a + l.filled, 0) },
		open: { launches: open.length, forestRocAuc: round(atOpen(forestP)!, 4), itemRateRocAuc: round(atOpen(itemRate)!, 4), logisticRocAuc: round(atOpen(logisticP)!, 4) },
		itemOnlyValidationRocAuc: itemOnly.validationRocAuc,
		allValidationRocAuc: baseRow.validationRocAuc
	};
	console.log(`organisers' fills in the counted half: at most ${maxFills}. Test launches whose organiser already has ${ORGANISER_FILL_CAP} fills: ${cap.capped.launches.toLocaleString('en-US')} (${cap.capped.filled} filled). On the other ${open.length.toLocaleString('en-US')}: forest ROC AUC ${cap.open.forestRocAuc}, item fill rate ${cap.open.itemRateRocAuc}, logistic ${cap.open.logisticRocAuc}. Validation: item features alone ${cap.itemOnlyValidationRocAuc}, with the organiser's ${cap.allValidationRocAuc}.`);
	return cap;
}
