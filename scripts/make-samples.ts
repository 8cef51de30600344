/**
 * npm run samples: writes the seeded sample files the site offers for download (static/samples/).
 * Generated from the shipped artifacts' aggregates, never from rows of the real data.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { GmvContext } from '../src/lib/gmv/artifacts.ts';
import { generateWeeklyRows, weeklyRowsCsv } from '../src/lib/gmv/sample.ts';
import { generateInvoiceSample } from '../src/lib/segments/sample.ts';
import { DEMO_SAMPLE_PATH, demoLog } from '../src/lib/sellers/demo.ts';
import { activityCsv } from '../src/lib/sellers/sample.ts';

const context = JSON.parse(readFileSync('model-artifacts/gmv/context.json', 'utf8')) as GmvContext;
mkdirSync('static/samples', { recursive: true });
const text = weeklyRowsCsv(generateWeeklyRows(context, 200, 42));
writeFileSync('static/samples/gmv-sample.csv', text);
console.log(`wrote static/samples/gmv-sample.csv (${text.split('\n').length - 2} rows)`);

// Customer segments: seeded invoice lines (src/lib/segments/sample.ts), ~300 customers, ISO dates.
const segments = generateInvoiceSample({ customers: 300, seed: 42 });
writeFileSync('static/samples/segments-sample.csv', segments.text);
console.log(
	`wrote static/samples/segments-sample.csv (${segments.lines} lines, ${segments.customers} customers + ${segments.guestInvoices} guest invoices, ${Math.round(segments.text.length / 1024)} KB)`
);

// Seller finder: the demo marketplace's activity log (src/lib/sellers/demo.ts), the one the first view shows.
const sellers = demoLog();
const sellersText = activityCsv(sellers.log);
writeFileSync(`static/${DEMO_SAMPLE_PATH}`, sellersText);
console.log(`wrote static/${DEMO_SAMPLE_PATH} (${sellers.log.n} events, ${sellers.truth.users} users, ${Math.round(sellersText.length / 1024)} KB)`);
