/**
 * The demo marketplace shipped with the page: the generator's default parameters over 24 months,
 * small enough that its CSV stays under 2 MB. Its analysis is precomputed by training (the first
 * view); `npm run samples` writes its CSV to static/samples/. Pure, no DOM.
 */
import { DEFAULT_MARKET, generateMarket, type MarketParams, type MarketTruth } from './generator';
import { EventLogBuilder, type EventLog } from './log';

export const DEMO_MARKET: MarketParams = { ...DEFAULT_MARKET, firstMonthJoins: 35 };
export const DEMO_SAMPLE_PATH = 'samples/sellers-sample.csv';

export function demoLog(params: MarketParams = DEMO_MARKET): { log: EventLog; truth: MarketTruth } {
	const builder = new EventLogBuilder(1 << 16);
	const truth = generateMarket(params, builder);
	return { log: builder.finish(), truth };
}

/** Joins per first month that give about a million events over the default 24 months. */
const JOINS_PER_MILLION = 900;

/** A generated log of about `events` events (24 months, the default parameters, another seed), for the bench and browser tests. */
export function benchLog(events: number) {
	return demoLog({ ...DEMO_MARKET, seed: 20170104, firstMonthJoins: Math.max(5, Math.round((JOINS_PER_MILLION * events) / 1e6)) });
}
