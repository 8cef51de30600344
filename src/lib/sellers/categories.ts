/**
 * The 28 collectible categories of the demo marketplace (the original project's count), in order of
 * popularity in the generator. A real export may name any categories; these are only the demo's.
 */
export const DEMO_CATEGORIES: readonly string[] = [
	'Funko Pop',
	'Pokémon cards',
	'Marvel Legends',
	'LEGO minifigures',
	'Star Wars Black Series',
	'Amiibo',
	'Hot Wheels',
	'Magic: The Gathering',
	'Sports cards',
	'Transformers',
	'Yu-Gi-Oh! cards',
	'Anime figures',
	'Comic books',
	'Retro video games',
	'Gundam model kits',
	'DC Multiverse',
	'Nendoroid',
	'Vinyl records',
	'Disney pins',
	'G.I. Joe',
	'Diecast cars',
	'Beanie Babies',
	'Coins',
	'Stamps',
	'Sonic figures',
	'Barbie',
	'Masters of the Universe',
	'Teenage Mutant Ninja Turtles'
];
