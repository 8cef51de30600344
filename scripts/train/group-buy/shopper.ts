/**
 * One shopper's recommendations and a group's list, on the Groceries purchase log. The protocol is
 * the reference script's (see groceries.ts): its three recommenders are reproduced first, then the
 * blend's weights are chosen on validation (each member's second-to-last basket, from the baskets
 * before it, with popularity and embeddings learnt without each member's last two baskets), the
 * chance calibration and the default group aggregation are fitted there too, and finally the model
 * is refitted without each member's last basket and scored once on those last baskets. See
 * shopper/settings.ts for the candidates and the seed; each step below is a module of shopper/.
 */
import { join } from 'node:path';
import { GROUP_BUY_TOOL, type GroupEvaluation, type ShopperArtifact } from '../../../src/lib/group-buy/artifact.ts';
import { writeArtifact } from '../io.ts';
import { readGroceries } from './groceries.ts';
import { buildShopperArtifact } from './shopper/artifact.ts';
import { checkChances, fitChance } from './shopper/chance.ts';
import { chooseGroupDefault, printGroups, scoreGroups } from './shopper/groups.ts';
import { chooseBlend } from './shopper/selection.ts';
import { GROUPS, K, SEED } from './shopper/settings.ts';
import { testBlend } from './shopper/test.ts';

/** Train the shopper recommender on the Groceries log under `dataDir`; writes group-buy/shopper.json under `outDir`. */
export async function trainShopper(opts: { dataDir: string; outDir: string }): Promise<ShopperArtifact> {
	const g = readGroceries(opts.dataDir);
	const totalBaskets = g.members.reduce((a, m) => a + m.baskets.length, 0);
	console.log(`Groceries: ${g.lines.toLocaleString('en-US')} lines, ${g.members.length.toLocaleString('en-US')} members, ${g.items.length} items, ${totalBaskets.toLocaleString('en-US')} baskets (${g.period.join(' to ')})`);

	// 1. Validation, without each member's last two baskets: embedding size and blend weights,
	// then the chance calibration and the group default.
	const choice = await chooseBlend(g);
	const chance = fitChance(choice.val, choice.weights, g.items.length);
	const validationGroups = chooseGroupDefault(choice.val, chance, choice.weights, SEED);

	// 2. Test, once: refit without each member's last basket.
	const tested = await testBlend(g, choice);

	// 3. Chances and groups on the test members; does a re-bought item beat its popularity?
	const checked = checkChances(tested.test, chance, choice.weights, g.items.length);
	const groupsTest = scoreGroups(tested.test, chance, choice.weights, SEED + 1);
	printGroups(`\ngroup lists on test groups`, groupsTest);
	const groups: GroupEvaluation = { listLength: K, sizes: GROUPS.sizes, groupsPerSize: GROUPS.perSize, default: validationGroups.defaultMethod, validation: validationGroups.validation, test: groupsTest };

	return writeArtifact<ShopperArtifact>(join(opts.outDir, GROUP_BUY_TOOL, 'shopper.json'), buildShopperArtifact({ g, choice, chance, tested, checked, groups }));
}
