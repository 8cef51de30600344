/**
 * Aisles for the form's item picker: the Groceries catalogue's 167 items grouped the way a shop
 * shelves them. Names are matched after trimming and lower-casing; an item not listed here is
 * shelved under "Other".
 */

export const AISLES = {
	'Dairy & eggs': ['whole milk', 'yogurt', 'whipped/sour cream', 'domestic eggs', 'butter', 'curd', 'cream cheese', 'uht-milk', 'butter milk', 'hard cheese', 'sliced cheese', 'soft cheese', 'processed cheese', 'spread cheese', 'condensed milk', 'specialty cheese', 'curd cheese', 'cream', 'margarine', 'specialty fat', 'dessert'],
	'Fruit & vegetables': ['other vegetables', 'root vegetables', 'tropical fruit', 'citrus fruit', 'pip fruit', 'berries', 'onions', 'grapes', 'herbs', 'packaged fruit/vegetables', 'specialty vegetables', 'organic products'],
	Bakery: ['rolls/buns', 'pastry', 'brown bread', 'white bread', 'long life bakery product', 'waffles', 'semi-finished bread', 'zwieback', 'roll products'],
	'Meat & fish': ['sausage', 'frankfurter', 'pork', 'beef', 'chicken', 'hamburger meat', 'ham', 'meat', 'turkey', 'liver loaf', 'meat spreads', 'organic sausage', 'fish'],
	Frozen: ['frozen vegetables', 'frozen meals', 'ice cream', 'frozen fish', 'frozen dessert', 'frozen potato products', 'frozen fruits', 'frozen chicken'],
	Drinks: ['soda', 'bottled water', 'canned beer', 'bottled beer', 'fruit/vegetable juice', 'coffee', 'beverages', 'misc. beverages', 'white wine', 'red/blush wine', 'liquor', 'liquor (appetizer)', 'instant coffee', 'sparkling wine', 'brandy', 'rum', 'tea', 'prosecco', 'cocoa drinks', 'liqueur', 'whisky'],
	'Pantry & tins': ['sugar', 'oil', 'flour', 'baking powder', 'pasta', 'canned vegetables', 'canned fish', 'canned fruit', 'mustard', 'salt', 'mayonnaise', 'sweet spreads', 'instant food products', 'vinegar', 'rice', 'soups', 'ready soups', 'sauces', 'cereals', 'spices', 'jam', 'ketchup', 'artif. sweetener', 'potato products', 'syrup', 'pudding powder', 'cooking chocolate', 'honey', 'salad dressing', 'finished products', 'pickled vegetables', 'preservation products'],
	'Snacks & sweets': ['chocolate', 'salty snack', 'specialty chocolate', 'candy', 'specialty bar', 'chewing gum', 'cake bar', 'chocolate marshmallow', 'popcorn', 'snack products', 'tidbits', 'nut snack', 'nuts/prunes'],
	Household: ['shopping bags', 'napkins', 'dishes', 'detergent', 'cling film/bags', 'dish cleaner', 'candles', 'house keeping products', 'softener', 'cleaner', 'kitchen towels', 'light bulbs', 'abrasive cleaner', 'cookware', 'bathroom cleaner', 'decalcifier', 'toilet cleaner', 'bags', 'kitchen utensil', 'newspapers', 'photo/film', 'seasonal products', 'pot plants', 'flower (seeds)', 'flower soil/fertilizer'],
	'Personal care': ['hygiene articles', 'female sanitary products', 'male cosmetics', 'dental care', 'soap', 'skin care', 'hair spray', 'rubbing alcohol', 'make up remover', 'baby cosmetics'],
	Pets: ['cat food', 'pet care', 'dog food']
} as const satisfies Record<string, readonly string[]>;

export type Aisle = keyof typeof AISLES | 'Other';

const BY_NAME = new Map<string, Aisle>();
for (const [aisle, names] of Object.entries(AISLES)) for (const name of names) BY_NAME.set(name, aisle as Aisle);

/** The key an item name is matched on: trimmed, lower case, single spaces. */
export function itemKey(name: string): string {
	return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function aisleOf(name: string): Aisle {
	return BY_NAME.get(itemKey(name)) ?? 'Other';
}
