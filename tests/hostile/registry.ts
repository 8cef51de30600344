// Every tool's file intake, as the hostile suite runs it. Adding a tool is one line in INTAKES:
// a tool that reads rows of a schema through the shared CSV job (core/csv/workerHost) needs only
//   csvJobIntake('Seller finder', sellersBatchService(loadFromDisk))
// (its good table comes from the schema's example values unless it passes one; see intake.ts); a
// tool with a reader of its own writes a small adapter like tools/segments.ts.
import type { ToolIntake } from './intake';
import { dealersUploadIntake } from './tools/dealers';
import { gmvBatchIntake } from './tools/gmv';
import { groupBuyUploadIntake } from './tools/groupBuy';
import { segmentsUploadIntake } from './tools/segments';
import { sellersUploadIntake } from './tools/sellers';

export type { IntakeOutcome, ToolIntake } from './intake';
export { csvJobIntake } from './intake';

/** Every tool's intake. Add a tool here. */
export const INTAKES: ToolIntake[] = [gmvBatchIntake(), segmentsUploadIntake(), segmentsUploadIntake('bytes'), sellersUploadIntake(), groupBuyUploadIntake(), dealersUploadIntake()];
