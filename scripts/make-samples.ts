/**
 * npm run samples: writes the seeded sample files the site offers for download (static/samples/).
 * Generated from the shipped artifacts' aggregates, never from rows of the real data.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { GmvContext } from '../src/lib/gmv/artifacts.ts';
import { generateWeeklyRows, weeklyRowsCsv } from '../src/lib/gmv/sample.ts';

const context = JSON.parse(readFileSync('model-artifacts/gmv/context.json', 'utf8')) as GmvContext;
mkdirSync('static/samples', { recursive: true });
const text = weeklyRowsCsv(generateWeeklyRows(context, 200, 42));
writeFileSync('static/samples/gmv-sample.csv', text);
console.log(`wrote static/samples/gmv-sample.csv (${text.split('\n').length - 2} rows)`);
