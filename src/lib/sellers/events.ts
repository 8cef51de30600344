/**
 * The events of a marketplace activity log and the names exports give them. A name is compared
 * without case, spaces, hyphens, underscores or dots, so "Collection add", "collection-add" and
 * "COLLECTION_ADD" are one name. Pure, no DOM.
 */

/** Event codes as stored in the log (one byte each). */
export const EventKind = {
	collectionAdd: 0,
	wishlistAdd: 1,
	order: 2,
	listing: 3,
	sale: 4,
	sellerSignup: 5
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** Number of event kinds. */
export const EVENT_KINDS = 6;

/** The name the tool writes for each kind (and the spelling its sample files use). */
export const EVENT_NAMES: readonly string[] = ['collection_add', 'wishlist_add', 'order', 'listing', 'sale', 'seller_signup'];

/** What a person calls each kind. */
export const EVENT_LABELS: readonly string[] = ['collection add', 'wish-list add', 'order', 'listing', 'sale', 'seller sign-up'];

/** Buyer events: what a collector does before selling. */
export function isBuyerEvent(kind: number): boolean {
	return kind <= EventKind.order;
}

/** Spellings accepted for each kind, already normalised (see `normaliseEventName`). */
const SPELLINGS: Record<EventKind, readonly string[]> = {
	[EventKind.collectionAdd]: ['collectionadd', 'addtocollection', 'addedtocollection', 'collectionitemadded', 'collection', 'collected', 'collect', 'collectionitem'],
	[EventKind.wishlistAdd]: ['wishlistadd', 'wishadd', 'addtowishlist', 'addedtowishlist', 'wishlistitemadded', 'wishlist', 'wishlisted', 'wish', 'want', 'wantlistadd'],
	[EventKind.order]: ['order', 'orders', 'purchase', 'purchased', 'buy', 'bought', 'orderplaced', 'ordered', 'checkout'],
	[EventKind.listing]: ['listing', 'list', 'listed', 'newlisting', 'listingcreated', 'listitem', 'itemlisted', 'inventorylisted', 'listingadd'],
	[EventKind.sale]: ['sale', 'sold', 'itemsold', 'salecompleted', 'sell'],
	[EventKind.sellerSignup]: ['sellersignup', 'sellersignedup', 'signupseller', 'sellerregistered', 'sellerregistration', 'selleraccountcreated', 'becameseller', 'sellerjoined', 'sellerstart']
};

const LOOKUP = new Map<string, EventKind>();
for (const [kind, names] of Object.entries(SPELLINGS)) for (const name of names) LOOKUP.set(name, Number(kind) as EventKind);

/** An event name as compared: lower case, without spaces, `_`, `-`, `.` or `/`. */
export function normaliseEventName(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 32 || c === 95 || c === 45 || c === 46 || c === 47 || c === 9 || c === 160) continue;
		out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i];
	}
	return out.toLowerCase();
}

/** The kind an event name means, or -1 when it is not one of the known events. */
export function eventKindOf(text: string): EventKind | -1 {
	return LOOKUP.get(normaliseEventName(text)) ?? -1;
}

/** Whether the kind carries a money amount (orders and sales; listings may carry an asking price). */
export function hasAmount(kind: number): boolean {
	return kind === EventKind.order || kind === EventKind.sale;
}
