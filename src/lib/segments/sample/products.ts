/**
 * The made-up products of the invoice sample: 240 products with 5-digit codes (a quarter with a
 * letter suffix like 85123A), descriptions from neutral word lists (some with a comma or a double
 * quote) and list prices from 0.29 to 14.95. No product of the real data is copied.
 */

const MATERIALS = ['CERAMIC', 'ENAMEL', 'GLASS', 'WOODEN', 'PAPER', 'COTTON', 'TIN', 'WICKER', 'FELT', 'ZINC', 'BAMBOO', 'LINEN'];
const ITEMS = [
	'MUG',
	'BOWL',
	'JUG',
	'TEA TOWEL',
	'CANDLE HOLDER',
	'PHOTO FRAME',
	'STORAGE TIN',
	'LUNCH BOX',
	'NOTEBOOK',
	'CUSHION COVER',
	'DOORSTOP',
	'COASTER',
	'GIFT BAG',
	'WALL CLOCK',
	'KEY RING',
	'PLANT POT',
	'SHOPPING BAG',
	'EGG CUP',
	'TRAY',
	'PEG BAG'
];
const COLOURS = ['BLUE', 'GREEN', 'IVORY', 'GREY', 'PINK', 'YELLOW', 'WHITE', 'NAVY', 'MINT', 'ORANGE'];
const PATTERNS = ['STRIPED', 'SPOTTY', 'CHECKED', 'PLAIN', 'WAVY'];
const WORDS = ['HELLO', 'MORNING', 'GARDEN', 'WEEKEND', 'TEA TIME'];
const LIST_CENTS = [29, 42, 55, 65, 85, 125, 145, 165, 210, 255, 295, 375, 425, 495, 595, 795, 1275, 1495];

/** A product of the sample's catalogue. */
export interface Product {
	code: string;
	description: string;
	/** List price in cents. */
	cents: number;
}

/** The sample's 240 products, drawn from `random`. */
export function makeProducts(random: () => number): Product[] {
	const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
	const codes = new Set<string>();
	const products: Product[] = [];
	while (products.length < 240) {
		const suffix = random() < 0.25 ? 'ABCD'[Math.floor(random() * 4)] : '';
		const code = `${20000 + Math.floor(random() * 70000)}${suffix}`;
		if (codes.has(code)) continue;
		codes.add(code);
		const form = random();
		let description: string;
		if (form < 0.6) description = `${pick(MATERIALS)} ${pick(ITEMS)} ${pick(COLOURS)}`;
		else if (form < 0.82) description = `SET OF ${2 + Math.floor(random() * 5)} ${pick(ITEMS)}S, ${pick(PATTERNS)}`;
		else if (form < 0.92) description = `${pick(ITEMS)} "${pick(WORDS)}" ${pick(COLOURS)}`;
		else description = `${pick(PATTERNS)} ${pick(MATERIALS)} ${pick(ITEMS)}`;
		products.push({ code, description, cents: pick(LIST_CENTS) });
	}
	return products;
}
