/**
 * Writing an activity log as CSV, in the styles real exports use, for the downloadable sample, the
 * tests and the bench. The same log always gives the same text for a style; every style reads back
 * (reader.ts) to the same events. Times of day are made up from a hash of the event's position
 * (the model uses days only). Rows are in time order. Pure, no DOM.
 */
import { civilOf } from './calendar';
import { EVENT_NAMES, hasAmount } from './events';
import { NO_CATEGORY, type EventLog } from './log';

export interface SampleStyle {
	/** Default ','; with ';' or tab, amounts use a decimal comma. */
	delimiter?: ',' | ';' | '\t';
	bom?: boolean;
	crlf?: boolean;
	/** `2018-06-14`, `2018-06-14 10:22:31`, `2018-06-14T10:22:31Z` (default) or `2018-06-14T10:22:31+02:00`. */
	dates?: 'date' | 'datetime' | 'iso-z' | 'iso-offset';
	/** `collection_add` (default), `collection add`, `Collection Add` or `COLLECTION-ADD`. */
	eventNames?: 'snake' | 'words' | 'title' | 'upper-hyphen';
	/** Canonical header (default) or the aliases another export would use, in another column order. */
	header?: 'canonical' | 'aliases';
	/** Add two columns the tool ignores (a channel and a session id). */
	extraColumns?: boolean;
}

function hash(i: number): number {
	let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

function eventName(kind: number, style: SampleStyle['eventNames']): string {
	const snake = EVENT_NAMES[kind];
	switch (style) {
		case 'words':
			return snake.replaceAll('_', ' ');
		case 'title':
			return snake
				.split('_')
				.map((w) => w[0].toUpperCase() + w.slice(1))
				.join(' ');
		case 'upper-hyphen':
			return snake.toUpperCase().replaceAll('_', '-');
		default:
			return snake;
	}
}

function csvField(text: string, delimiter: string): string {
	return text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r') ? '"' + text.replaceAll('"', '""') + '"' : text;
}

/** The log as CSV text in the given style. */
export function activityCsv(log: EventLog, style: SampleStyle = {}): string {
	const delimiter = style.delimiter ?? ',';
	const decimalComma = delimiter !== ',';
	const nl = style.crlf ? '\r\n' : '\n';
	const dates = style.dates ?? 'iso-z';
	const aliases = style.header === 'aliases';
	const seconds = new Uint32Array(log.n);
	for (let i = 0; i < log.n; i++) seconds[i] = hash(i) % 86400;
	const order = Uint32Array.from({ length: log.n }, (_, i) => i).sort((a, b) => log.day[a] - log.day[b] || seconds[a] - seconds[b] || a - b);
	const names = log.categories.map((c) => csvField(c, delimiter));
	const ids = log.userIds.map((u) => csvField(u, delimiter));
	const eventNames = Array.from({ length: 6 }, (_, k) => eventName(k, style.eventNames));
	const header = aliases ? ['Customer ID', 'Action', 'Event Time', 'Product Category', 'Order Value'] : ['user_id', 'timestamp', 'event', 'category', 'amount'];
	if (style.extraColumns) header.push(aliases ? 'Sales Channel' : 'channel', aliases ? 'Session' : 'session_id');
	const lines: string[] = [header.join(delimiter)];
	let dayCache = NaN;
	let dayText = '';
	for (const i of order) {
		const d = log.day[i];
		if (d !== dayCache) {
			const [y, m, dd] = civilOf(d);
			dayCache = d;
			dayText = `${y}-${pad2(m)}-${pad2(dd)}`;
		}
		const s = seconds[i];
		const time = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
		const stamp = dates === 'date' ? dayText : dates === 'datetime' ? `${dayText} ${time}` : dates === 'iso-z' ? `${dayText}T${time}Z` : `${dayText}T${time}+02:00`;
		const kind = log.kind[i];
		const c = log.category[i];
		const category = c === NO_CATEGORY ? '' : names[c];
		let amount = '';
		if (hasAmount(kind)) {
			amount = log.amount[i].toFixed(2);
			if (decimalComma) amount = amount.replace('.', ',');
		}
		const cells = aliases ? [ids[log.user[i]], eventNames[kind], stamp, category, amount] : [ids[log.user[i]], stamp, eventNames[kind], category, amount];
		if (style.extraColumns) cells.push(hash(i + 7) % 3 === 0 ? 'app' : 'web', `s${hash(i + 11) % 100000}`);
		lines.push(cells.join(delimiter));
	}
	return (style.bom ? '\uFEFF' : '') + lines.join(nl) + nl;
}

