// Files for the seller-finder browser tests, written by the site's own seeded generator and sample
// writer, and the numbers the page should show, computed by the same pure code its worker runs.
import { readFileSync } from 'node:fs';
import { analyseFile } from '../../src/lib/sellers/upload';
import type { SellersJobModel } from '../../src/lib/sellers/job';
import type { SellersModelArtifact } from '../../src/lib/sellers/model';
import type { SellersDemoArtifact } from '../../src/lib/sellers/analysisJson';
import { analysisFromJson } from '../../src/lib/sellers/analysisJson';
import type { MarketAnalysis } from '../../src/lib/sellers/analysis';

export const sellersArtifact = JSON.parse(readFileSync(new URL('../../model-artifacts/sellers/model.json', import.meta.url), 'utf8')) as SellersModelArtifact;
export const demoAnalysis: MarketAnalysis = analysisFromJson(
	(JSON.parse(readFileSync(new URL('../../model-artifacts/sellers/demo.json', import.meta.url), 'utf8')) as SellersDemoArtifact).analysis
);

export const jobModel: SellersJobModel = {
	main: { features: sellersArtifact.features, forest: sellersArtifact.forest, calibration: sellersArtifact.calibration },
	perUser: { features: sellersArtifact.perUser.features, forest: sellersArtifact.perUser.forest, calibration: sellersArtifact.perUser.calibration },
	inputRanges: sellersArtifact.inputRanges
};

/** What the page's worker makes of a file's text. */
export async function expectedAnalysis(text: string, name: string) {
	const out = await analyseFile(new Blob([text]), name, jobModel);
	if (out.type !== 'done') throw new Error(`the pure code refuses ${name}: ${out.failure.message}`);
	return out.result;
}
