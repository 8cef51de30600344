/**
 * The training customers: the Online Retail invoice lines read with the same code a browser upload
 * runs, aggregated into one row of features per customer.
 */
import { join } from 'node:path';
import { CUSTOMER_FEATURES, featureMatrix, type CustomerFeature, type CustomerTable } from '../../../src/lib/segments/features.ts';
import { readInvoiceText } from '../../../src/lib/segments/read.ts';
import { readText } from '../io.ts';

/** The customers training clusters, with their features as one row-major matrix. */
export interface TrainingCustomers {
	/** The data file read. */
	path: string;
	table: CustomerTable;
	/** Customers. */
	n: number;
	features: CustomerFeature[];
	/** n x features, row-major. */
	matrix: Float64Array;
}

/** Read online-retail/online-retail.csv under `dataDir` (logs its size and the time taken since `started`). */
export function readTrainingCustomers(dataDir: string, started: number): TrainingCustomers {
	const path = join(dataDir, 'online-retail', 'online-retail.csv');
	const read = readInvoiceText(readText(path));
	if (!read.ok) throw new Error(`online-retail.csv: ${read.failure.message}`);
	const table = read.aggregator.finish();
	const n = table.count;
	const features = [...CUSTOMER_FEATURES];
	const matrix = featureMatrix(table, features);
	console.log(`${table.report.linesRead} lines, ${table.report.keptLines} kept, ${n} customers (date order ${table.report.dateOrder}), read in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	return { path, table, n, features, matrix };
}
